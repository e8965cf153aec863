import { defineConfig } from "vitest/config";

// End-to-end tests drive Debian's Chromium against the built API, which serves the built dashboard.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
