import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

/** The TypeScript block under "## Example" in core's README, as written there. */
export function readmeExample(): string {
  const readme = readFileSync(join(here, "..", "README.md"), "utf8");
  const block = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, "README.md has a ```ts block under ## Example").toBeDefined();
  return block ?? "";
}

/** Checks the lines the README example prints: what its comments promise. */
export function expectReadmeOutput(lines: readonly string[]): void {
  expect(lines[0]).toBe("true");
  expect(lines.some((l) => /thematic-fit/.test(l))).toBe(true);
  expect(lines.some((l) => /pairs; total/.test(l))).toBe(true);
  expect(lines.at(-1)).toMatch(/^illegal-transition /);
}
