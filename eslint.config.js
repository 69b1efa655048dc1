import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layers of docs/architecture.md, enforced: only lib/data talks to the database, and the pure
// rule modules import no framework at all.
const PRISMA = ["@prisma/*", "@/lib/generated/*", "**/generated/prisma/*"];
const FRAMEWORKS = ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*", "react", "react-dom", "react/*"];

/** Every spelling of an import of these lib folders: "@/lib/data/x", "../data/x", "@/app/…". */
const folders = (...names) =>
  names.flatMap((name) => (name === "app" || name === "components" ? [`@/${name}/*`] : [`@/lib/${name}`, `@/lib/${name}/*`, `../${name}`, `../${name}/*`]));
const above = (floor, names) => ({
  group: folders(...names),
  message: `A module of ${floor} does not import from a floor above it (docs/architecture.md, convention 11).`,
});
const prisma = { group: PRISMA, message: "Only lib/data (and the demo's bulk writer) imports Prisma (docs/architecture.md, convention 1)." };
const frameworks = { group: FRAMEWORKS, message: "Pure rule modules import no framework, React, Auth.js or Prisma (convention 1)." };

const UI = ["app", "components"];
const FLOORS = [
  // The rules: pure functions of their input.
  {
    files: ["lib/grading/**", "lib/review/**", "lib/schemas/**", "lib/reports/**"],
    forbid: [prisma, frameworks, above("the rules", ["data", "auth", "exports", "demo", "actions", ...UI])],
  },
  // What the rules and the data share: text, security primitives, messages, office files, reading imports, documents, mail.
  {
    files: [
      "lib/text/**",
      "lib/security/**",
      "lib/i18n/**",
      "lib/office/**",
      "lib/import/**",
      "lib/documents/**",
      "lib/mail/**",
      "lib/errors.ts",
      "lib/env.ts",
    ],
    forbid: [prisma, above("the support modules", ["data", "auth", "exports", "demo", "actions", ...UI])],
  },
  // The use cases: the only floor with the database.
  { files: ["lib/data/**"], forbid: [above("lib/data", ["auth", "exports", "demo", "actions", ...UI])] },
  // What reads the data for a framework or a file: Auth.js, exports, the demo's writer.
  {
    files: ["lib/auth/**", "lib/exports/**", "lib/demo/**"],
    ignores: ["lib/demo/seed-writer.ts"],
    forbid: [prisma, above("lib/auth, lib/exports and lib/demo", ["actions", ...UI])],
  },
  { files: ["lib/demo/seed-writer.ts"], forbid: [above("lib/demo", ["actions", ...UI])] },
  { files: ["lib/actions/**"], forbid: [prisma, above("lib/actions", UI)] },
  { files: ["app/**", "components/**"], forbid: [prisma] },
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // The floors of docs/architecture.md ("Layers"), lowest first; a module imports only from its own floor
  // or below (convention 11). One rule per group of files: a later `no-restricted-imports` for the same
  // file would replace, not add to, an earlier one.
  ...FLOORS.map(({ files, ignores, forbid }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { "no-restricted-imports": ["error", { patterns: forbid }] },
  })),
  {
    files: ["**/*.mjs", "scripts/**", "bench/**", "prisma/**"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setInterval: "readonly",
        setTimeout: "readonly",
        WebAssembly: "readonly",
        globalThis: "readonly",
      },
    },
  },
);
