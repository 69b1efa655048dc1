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
};

export default withNextIntl(nextConfig);
