import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests import the workspace core as source, through its custom export condition.
const conditions = ["@pobratym/source", ...defaultServerConditions];

export default defineConfig({
  // Vitest runs node tests in Vite's server environment, which takes the server conditions.
  ssr: { resolve: { conditions } },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // PGlite compiles its WASM and runs initdb per worker: a fresh database takes seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
