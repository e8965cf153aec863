import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // PGlite compiles its WASM and runs initdb per worker: a fresh database takes seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
