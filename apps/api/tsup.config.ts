import { cpSync } from "node:fs";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { node: "src/node.ts", edge: "src/edge.ts", import: "src/cli/import.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  splitting: true,
  // The workspace core is compiled into the bundle from its source (the "@pobratym/source"
  // export condition), so the API builds without core's dist; npm dependencies stay external.
  noExternal: ["@pobratym/core"],
  esbuildOptions(options) {
    options.conditions = ["@pobratym/source"];
  },
  loader: { ".sql": "text" },
  onSuccess: async () => {
    // createDb reads migrations from disk next to the bundle (dist/migrations/).
    cpSync("src/db/migrations", "dist/migrations", { recursive: true });
  },
});
