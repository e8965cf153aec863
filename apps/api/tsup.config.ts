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
  // The workspace core is TypeScript source inside the repo, so it is compiled into the bundle;
  // npm dependencies stay external and come from node_modules.
  noExternal: ["@pobratym/core"],
  loader: { ".sql": "text" },
  onSuccess: async () => {
    // createDb reads migrations from disk next to the bundle (dist/migrations/).
    cpSync("src/db/migrations", "dist/migrations", { recursive: true });
  },
});
