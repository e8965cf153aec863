// What an npm user gets: core packed with `npm pack` (not pnpm, which rewrites `catalog:` and
// `workspace:` for us), installed with npm into a project outside the workspace together with the
// oldest zod that the peer range accepts, and used from there as ESM, as CommonJS, from TypeScript
// under `node16` and `bundler` resolution, and through a browser bundle. Nothing here skips: a
// missing build or a failed install fails the suite.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectReadmeOutput, readmeExample } from "./readme-example";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** A tool's CLI script from core's own devDependencies (pnpm links them into node_modules). */
const bin = (name: string, file: string) => join(root, "node_modules", name, file);

/** The largest browser bundle (minified, gzipped) allowed for an app that imports `searchKey`. */
const SEARCH_KEY_BUNDLE_LIMIT = 5_000;

/** `^4.1.0` → `4.1.0`: the oldest zod the peer range accepts, which the project installs. */
const oldestZod = /^\^(4\.\d+\.\d+)$/.exec(pkg.peerDependencies?.zod ?? "")?.[1];

let work = "";
let project = "";
let tarball = "";

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const node = (file: string) => run(process.execPath, [file], project).trim().split("\n");

beforeAll(() => {
  expect(
    existsSync(join(root, "dist", "index.js")),
    "run `pnpm build` in packages/core first",
  ).toBe(true);
  expect(oldestZod, `peerDependencies.zod is "^4.x.y": ${pkg.peerDependencies?.zod}`).toBeDefined();
  work = mkdtempSync(join(tmpdir(), "pobratym-core-tarball-"));
  // `npm pack` prints the tarball's file name on its last line.
  const packed = run("npm", ["pack", "--pack-destination", work, "--silent"], root);
  tarball = join(work, packed.trim().split("\n").at(-1) ?? "");
  project = join(work, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, version: "0.0.0" }),
  );
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, `zod@${oldestZod}`],
    project,
  );
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// tsc with skipLibCheck off reads all of zod's declarations: 10 s on an idle machine, several
// times that on a busy CI runner.
const TSC_TIMEOUT = 180_000;

describe("the npm-packed tarball", () => {
  it("ships dist and the docs, not the source, and installs with npm", () => {
    const files = run("tar", ["-tzf", tarball], work).trim().split("\n");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/demo.cjs");
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/CHANGELOG.md");
    expect(files.filter((f) => f.startsWith("package/src/"))).toEqual([]);
    const installed = JSON.parse(
      readFileSync(join(project, "node_modules", "@pobratym", "core", "package.json"), "utf8"),
    );
    // npm publishes package.json as written: npm cannot install a pnpm protocol (`catalog:`,
    // `workspace:`) in a field a consumer's install reads.
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
      expect(JSON.stringify(installed[field] ?? {}), field).not.toMatch(/catalog:|workspace:/);
    }
    expect(installed.peerDependencies).toEqual({ zod: pkg.peerDependencies.zod });
    const zod = JSON.parse(
      readFileSync(join(project, "node_modules", "zod", "package.json"), "utf8"),
    );
    expect(zod.version).toBe(oldestZod);
  });

  it("passes publint --strict", () => {
    const out = run(process.execPath, [bin("publint", "src/cli.js"), "--strict", tarball], work);
    expect(out).toMatch(/All good/);
  });

  it("passes attw for node16 (CJS and ESM) and bundler resolution", () => {
    // node10 resolution predates `exports` and cannot see the ./demo subpath; Node 20.19+ and every
    // current TypeScript mode can. attw exits non-zero (and run throws) on any other problem.
    const out = run(
      process.execPath,
      // `ascii` prints one line per entry and mode; the default table depends on the terminal.
      [
        bin("@arethetypeswrong/cli", "dist/index.js"),
        tarball,
        "--profile",
        "node16",
        "--format",
        "ascii",
      ],
      work,
    );
    const modes = out.split("\n").filter((l) => /^(node16 \(from (CJS|ESM)\)|bundler):/.test(l));
    // Three entries (".", "./demo", "./package.json") in three modes, each resolved cleanly.
    expect(modes).toHaveLength(9);
    for (const line of modes) expect(line).toMatch(/🟢/);
  });

  it("runs the README example as ESM", () => {
    const js = ts.transpileModule(readmeExample(), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(project, "example.mjs"), js);
    expectReadmeOutput(node("example.mjs"));
  });

  it("runs the README example as CommonJS", () => {
    const js = ts.transpileModule(readmeExample(), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    expect(js).toMatch(/require\("@pobratym\/core"\)/);
    writeFileSync(join(project, "example.cjs"), js);
    expectReadmeOutput(node("example.cjs"));
  });

  const tsc = (config: object) => {
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(config));
    try {
      run(process.execPath, [bin("typescript", "bin/tsc"), "-p", "tsconfig.json"], project);
    } catch (error) {
      // tsc prints its diagnostics on stdout.
      const out = (error as { stdout?: string }).stdout ?? "";
      throw new Error(`tsc failed:\n${out}`);
    }
  };
  // The consumer's own lib check includes core's declarations against the installed zod.
  // zod's own declarations name URL, so the consumer has the DOM lib, as a browser app would.
  const strict = {
    strict: true,
    skipLibCheck: false,
    target: "es2022",
    lib: ["es2023", "dom"],
    types: [],
  };

  it(
    "compiles under node16 resolution as ESM and as CommonJS, and the output runs",
    () => {
      writeFileSync(join(project, "example.mts"), readmeExample());
      writeFileSync(join(project, "example.cts"), readmeExample());
      tsc({
        compilerOptions: {
          ...strict,
          module: "node16",
          moduleResolution: "node16",
          outDir: "node16",
        },
        files: ["example.mts", "example.cts"],
      });
      expectReadmeOutput(node("node16/example.mjs"));
      expectReadmeOutput(node("node16/example.cjs"));
    },
    TSC_TIMEOUT,
  );

  it(
    "type-checks under bundler resolution, and an esbuild bundle of it runs",
    async () => {
      writeFileSync(join(project, "example.ts"), readmeExample());
      tsc({
        compilerOptions: {
          ...strict,
          module: "preserve",
          moduleResolution: "bundler",
          noEmit: true,
        },
        files: ["example.ts"],
      });
      await build({
        entryPoints: [join(project, "example.ts")],
        absWorkingDir: project,
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: join(project, "bundler", "example.mjs"),
        logLevel: "silent",
      });
      expectReadmeOutput(node("bundler/example.mjs"));
    },
    TSC_TIMEOUT,
  );

  it(`bundles \`import { searchKey }\` for the browser to under ${SEARCH_KEY_BUNDLE_LIMIT} bytes gzipped`, async () => {
    writeFileSync(
      join(project, "search.js"),
      'import { searchKey } from "@pobratym/core";\nconsole.log(searchKey("Херсон"));\n',
    );
    const result = await build({
      entryPoints: [join(project, "search.js")],
      absWorkingDir: project,
      bundle: true,
      minify: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzipped = gzipSync(code).length;
    const output = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
    const inputs = Object.keys(output).filter((f) => (output[f]?.bytesInOutput ?? 0) > 0);
    expect(inputs).toContain("node_modules/@pobratym/core/dist/search/normalise.js");
    expect(
      inputs.filter((f) => /node_modules\/zod\//.test(f)),
      "no zod in the bundle",
    ).toEqual([]);
    expect(
      gzipped,
      `searchKey bundle: ${gzipped} bytes gzipped from ${inputs.join(", ")}`,
    ).toBeLessThan(SEARCH_KEY_BUNDLE_LIMIT);
  });
});
