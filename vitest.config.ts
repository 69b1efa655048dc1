import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": import.meta.dirname },
    // Resolve packages as React Server Components do, so `server-only` is the empty module it is
    // on the server and lib/data can be tested as it runs, against the real database.
    conditions: ["react-server"],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    // Integration tests share one throw-away database; files run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
