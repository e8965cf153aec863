import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
      "DEMO_DATASET",
    ]) {
      expect(esm.split(",")).toContain(name);
    }
  });

  it("ships declarations for both module systems and uses no Node built-ins", () => {
    expect(existsSync(join(dist, "index.d.ts"))).toBe(true);
    expect(existsSync(join(dist, "index.d.cts"))).toBe(true);
    for (const file of ["index.js", "index.cjs"]) {
      const code = readFileSync(join(dist, file), "utf8");
      expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|crypto)["']\)/);
      expect(code).not.toMatch(/from ["']node:/);
    }
  });

  it("publishes dist, not the source entry", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["."]).toBe("./src/index.ts");
    expect(pkg.publishConfig.exports["."].import.default).toBe("./dist/index.js");
    expect(pkg.publishConfig.exports["."].require.default).toBe("./dist/index.cjs");
    expect(Object.keys(pkg.dependencies)).toEqual(["zod"]);
  });
});
