import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const built = existsSync(join(dist, "index.js")) && existsSync(join(dist, "index.cjs"));

// turbo runs `build` before `test`; run `pnpm build` first when calling vitest directly.
describe.skipIf(!built)("the built package", () => {
  const probe = (code: string, type: "module" | "commonjs") =>
    execFileSync(
      process.execPath,
      [type === "module" ? "--input-type=module" : "--input-type=commonjs", "-e", code],
      {
        cwd: dist,
        encoding: "utf8",
      },
    ).trim();

  it("loads as ESM and as CommonJS with the same public API", () => {
    const esm = probe(
      `import * as c from "./index.js"; console.log(Object.keys(c).sort().join(","))`,
      "module",
    );
    const cjs = probe(
      `const c = require("./index.cjs"); console.log(Object.keys(c).sort().join(","))`,
      "commonjs",
    );
    expect(esm).toBe(cjs);
    for (const name of [
      "Municipality",
      "moveStage",
      "searchKey",
      "planRound",
      "importReferenceFiles",
    ]) {
      expect(esm.split(",")).toContain(name);
    }
    // The demo dataset has its own entry, so the root entry does not pull it in.
    expect(esm.split(",")).not.toContain("DEMO_DATASET");
    const demo = probe(
      `const d = require("./demo.cjs"); console.log(Object.keys(d).join(","), d.DEMO_DATASET.municipalities.length > 0)`,
      "commonjs",
    );
    expect(demo).toBe("DEMO_DATASET true");
  });

  it("ships declarations for both module systems and uses no Node built-ins", () => {
    for (const entry of ["index", "demo"]) {
      expect(existsSync(join(dist, `${entry}.d.ts`))).toBe(true);
      expect(existsSync(join(dist, `${entry}.d.cts`))).toBe(true);
    }
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) =>
      /\.c?js$/.test(f),
    );
    // One file per source module, so bundlers can drop the modules an app does not import.
    expect(files).toContain(join("search", "normalise.js"));
    for (const file of files) {
      const code = readFileSync(join(dist, file), "utf8");
      expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|crypto)["']\)/);
      expect(code).not.toMatch(/from ["']node:/);
    }
  });

  it("exports dist to everyone and the source only under the workspace's condition", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    // npm ignores publishConfig.exports, so the real exports must be the published ones.
    expect(pkg.publishConfig.exports).toBeUndefined();
    expect(Object.keys(pkg.exports)).toEqual([".", "./demo", "./package.json"]);
    for (const [entry, file] of [
      [".", "index"],
      ["./demo", "demo"],
    ] as const) {
      expect(pkg.exports[entry]["@pobratym/source"]).toBe(`./src/${file}.ts`);
      expect(pkg.exports[entry].import.default).toBe(`./dist/${file}.js`);
      expect(pkg.exports[entry].require.default).toBe(`./dist/${file}.cjs`);
    }
    // zod is shared with the consumer (a peer), never a second copy, and never a pnpm protocol.
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies.zod).toMatch(/^\^4\.\d+\.\d+$/);
    expect(pkg.devDependencies.zod).toBeDefined();
  });
});
