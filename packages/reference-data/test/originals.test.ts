import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REFERENCE_FILE_NAMES, referenceFileUrl } from "../index.js";

// The one place that looks beside the checkout: the originals the package was copied from, in
// the layout this project is developed in (`shared/data` next to the repository). A public clone
// has no such folder, so this is the only test that may skip.
const ORIGINALS = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));

describe.skipIf(!existsSync(ORIGINALS))("the package's files and the originals", () => {
  it("hold the same files", () => {
    expect(readdirSync(ORIGINALS).sort()).toEqual([...REFERENCE_FILE_NAMES].sort());
  });

  it.each(REFERENCE_FILE_NAMES)("%s is byte for byte the original", (name) => {
    const copy = readFileSync(referenceFileUrl(name));
    const original = readFileSync(`${ORIGINALS}${name}`);
    expect(copy.equals(original)).toBe(true);
  });
});
