import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, vi } from "vitest";
import { expectReadmeOutput, readmeExample } from "./readme-example";

const here = dirname(fileURLToPath(import.meta.url));

describe("README example", () => {
  it("runs against the public entry and prints what it promises", async () => {
    // The example imports the package by name; point it at this checkout's public entries.
    const code = readmeExample()
      .replace(
        'from "@pobratym/core/demo"',
        `from ${JSON.stringify(join(here, "..", "src", "demo.ts"))}`,
      )
      .replace(
        'from "@pobratym/core"',
        `from ${JSON.stringify(join(here, "..", "src", "index.ts"))}`,
      );
    const dir = join(here, "..", "node_modules", ".readme-example");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "example.ts");
    writeFileSync(file, code);
    const lines: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    expectReadmeOutput(lines);
  });
});
