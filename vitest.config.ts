import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `server-only` is an empty module for React Server Components and throws anywhere else; the
      // tests run lib/data as the server does, so they get the server's (empty) version.
      "server-only": `${import.meta.dirname}/node_modules/server-only/empty.js`,
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two workers even on two cores (Vitest's default is one fewer than the cores): the pure tests run
    // beside the integration tests, which mostly wait on PostgreSQL.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Integration tests share one throw-away database; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
