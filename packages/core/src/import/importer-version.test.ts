import { describe, expect, it } from "vitest";
import { REFERENCE_IMPORTER_VERSION } from "./importer-version";

// Core compiles without Node types; the few Node functions used here are typed by hand.
interface NodeFs {
  readFileSync(path: string, encoding: "utf8"): string;
  readdirSync(path: string): string[];
}
interface NodePath {
  join(...parts: string[]): string;
  dirname(path: string): string;
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}
interface NodeCrypto {
  createHash(algorithm: "sha256"): {
    update(data: string): unknown;
    digest(encoding: "hex"): string;
  };
}
const load = <T>(name: string): Promise<T> => import(/* @vite-ignore */ name) as Promise<T>;
const fs = await load<NodeFs>("node:fs");
const crypto = await load<NodeCrypto>("node:crypto");
const path = await load<NodePath>("node:path");
const url = await load<NodeUrl>("node:url");
const src = path.join(path.dirname(url.fileURLToPath((import.meta as { url: string }).url)), "..");

describe("REFERENCE_IMPORTER_VERSION", () => {
  it("is the fingerprint of the importer's source as it is now", () => {
    const files = [
      ...fs
        .readdirSync(path.join(src, "import"))
        .filter((f) => f.endsWith(".ts") && !f.includes(".test") && f !== "importer-version.ts")
        .map((f) => `import/${f}`),
      "model/municipality.ts",
    ].sort();
    const hash = crypto.createHash("sha256");
    for (const file of files) {
      hash.update(`${file}\0`);
      hash.update(fs.readFileSync(path.join(src, file), "utf8").replaceAll("\r\n", "\n"));
      hash.update("\0");
    }
    const now = hash.digest("hex").slice(0, 16);
    expect(
      REFERENCE_IMPORTER_VERSION,
      `the importer changed: set REFERENCE_IMPORTER_VERSION in src/import/importer-version.ts to "${now}"`,
    ).toBe(now);
  });
});
