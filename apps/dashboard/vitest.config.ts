import react from "@vitejs/plugin-react";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // The workspace core is read from its source through its custom export condition.
  resolve: { conditions: ["@pobratym/source", ...defaultClientConditions] },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/testing/setup.ts"],
    restoreMocks: true,
    // CI has two cores shared with the browser tests; jsdom rendering of the full form is not instant.
    testTimeout: 15_000,
  },
});
