// The workspace lockfile must install on macOS (arm64 and x64) and Windows (x64) as well as
// Linux: pnpm installs an optional native binary only if the lockfile lists it, so a lockfile
// resolved with a narrower platform setting leaves a Mac without turbo, Biome or rollup.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const lockfile = readFileSync(join(repo, "pnpm-lock.yaml"), "utf8");

/** The versions of `name` in the lockfile's `packages:` section (`  name@1.2.3:` keys). */
function versions(name: string): string[] {
  const key = name.startsWith("@") ? `'${name}@` : `${name}@`;
  const found = new Set<string>();
  for (const line of lockfile.split("\n")) {
    if (!line.startsWith(`  ${key}`)) continue;
    const version = /^\d[^(':]*/.exec(line.slice(2 + key.length))?.[0];
    if (version) found.add(version);
  }
  return [...found];
}

/** Each tool with a native binary, and its binary packages for Linux x64, macOS and Windows. */
const TOOLS: [tool: string, binaries: string[]][] = [
  ["turbo", ["@turbo/linux-64", "@turbo/darwin-arm64", "@turbo/darwin-64", "@turbo/windows-64"]],
  [
    "@biomejs/biome",
    [
      "@biomejs/cli-linux-x64",
      "@biomejs/cli-darwin-arm64",
      "@biomejs/cli-darwin-x64",
      "@biomejs/cli-win32-x64",
    ],
  ],
  [
    "rollup",
    [
      "@rollup/rollup-linux-x64-gnu",
      "@rollup/rollup-darwin-arm64",
      "@rollup/rollup-darwin-x64",
      "@rollup/rollup-win32-x64-msvc",
    ],
  ],
  [
    "rolldown",
    [
      "@rolldown/binding-linux-x64-gnu",
      "@rolldown/binding-darwin-arm64",
      "@rolldown/binding-darwin-x64",
      "@rolldown/binding-win32-x64-msvc",
    ],
  ],
  [
    "esbuild",
    ["@esbuild/linux-x64", "@esbuild/darwin-arm64", "@esbuild/darwin-x64", "@esbuild/win32-x64"],
  ],
  [
    "lightningcss",
    [
      "lightningcss-linux-x64-gnu",
      "lightningcss-darwin-arm64",
      "lightningcss-darwin-x64",
      "lightningcss-win32-x64-msvc",
    ],
  ],
];

describe("pnpm-lock.yaml", () => {
  it("reads package versions from the packages section", () => {
    expect(versions("turbo")).toHaveLength(1);
    expect(versions("@turbo/darwin-arm64")).toEqual(versions("turbo"));
    expect(versions("no-such-package")).toEqual([]);
  });

  it.each(TOOLS)(
    "lists %s's binaries for Linux, macOS arm64/x64 and Windows x64",
    (tool, binaries) => {
      const installed = versions(tool);
      expect(installed.length, `${tool} is in the lockfile`).toBeGreaterThan(0);
      // Every binary is published at exactly its tool's version.
      for (const version of installed) {
        for (const binary of binaries) expect(versions(binary), binary).toContain(version);
      }
    },
  );
});
