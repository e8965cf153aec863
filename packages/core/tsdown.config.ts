import { defineConfig } from "tsdown";

// One output file per source module (`unbundle`), so a bundler that imports `searchKey` reads the
// search modules and nothing else; `sideEffects: false` in package.json lets it drop the rest.
export default defineConfig({
  entry: ["src/index.ts", "src/demo.ts"],
  format: ["esm", "cjs"],
  unbundle: true,
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
