import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests and scripts included) with `tsc --noEmit`
  // before building; checking again inside `next build` would only add time to every start.
  typescript: { ignoreBuildErrors: true },
  // The report exports load these from node_modules at run time (pdfkit reads font files, exceljs is
  // CommonJS with many parts): bundling them gains nothing.
  serverExternalPackages: ["pdfkit", "exceljs"],
  // proxy.ts runs before every route, and Next buffers a request's body for it up to this size, cutting
  // what is longer (10 MB by default). A task's evidence file may be 10 MB (lib/review/tasks.ts): its
  // upload route takes the file and its multipart envelope, and refuses a larger body itself.
  experimental: { proxyClientMaxBodySize: 10 * 1024 * 1024 + 128 * 1024 },
};

export default withNextIntl(nextConfig);
