import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/fixtures/**/out/**"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Corpus tests spawn tsc and node; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
