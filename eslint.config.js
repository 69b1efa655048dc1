import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layers of docs/architecture.md, enforced: only lib/data talks to the database, and the pure
// rule modules import no framework at all.
const PRISMA = ["@prisma/*", "@/lib/generated/*", "**/generated/prisma/*"];
const FRAMEWORKS = ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*", "react", "react-dom", "react/*"];

const restrict = (patterns, message) => ["error", { patterns: [{ group: patterns, message }] }];

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
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/data/**"],
    rules: { "no-restricted-imports": restrict(PRISMA, "Only lib/data may import Prisma (docs/architecture.md, convention 1).") },
  },
  {
    files: ["lib/grading/**", "lib/review/**", "lib/schemas/**", "lib/reports/**", "lib/auth/permissions.ts"],
    rules: {
      "no-restricted-imports": restrict([...PRISMA, ...FRAMEWORKS], "Pure rule modules import no framework, React, Auth.js or Prisma (convention 1)."),
    },
  },
  {
    files: ["**/*.mjs", "scripts/**", "bench/**", "prisma/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setInterval: "readonly", setTimeout: "readonly", WebAssembly: "readonly", globalThis: "readonly" } },
  },
);
