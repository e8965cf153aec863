import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// End-to-end tests drive Debian's Chromium against the built API, which serves the built dashboard.
export default defineConfig({
  // The stub server imports the workspace core from its source, through its custom condition.
  ssr: { resolve: { conditions: ["@pobratym/source", ...defaultServerConditions] } },
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
