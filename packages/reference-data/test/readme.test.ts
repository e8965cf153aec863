import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

describe("README example", () => {
  it("runs against the package entry and prints what it promises", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const block = /## Use[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const entry = fileURLToPath(new URL("../index.js", import.meta.url));
    const code = (block ?? "").replace(
      'from "@pobratym/reference-data"',
      `from ${JSON.stringify(entry)}`,
    );
    const dir = fileURLToPath(new URL("../node_modules/.readme-example/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}example.mjs`, code);
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    try {
      await import(/* @vite-ignore */ `${dir}example.mjs`);
    } finally {
      log.mockRestore();
    }
    expect(lines).toEqual(["8 290"]);
  });
});
