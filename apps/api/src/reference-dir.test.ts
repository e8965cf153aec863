import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGED_REFERENCE_DIR, referenceDirFor } from "./reference-dir";

describe("referenceDirFor", () => {
  it("takes the configured folder as it is", () => {
    expect(referenceDirFor("/data/ref")).toBe("/data/ref");
  });
  it("imports nothing when told off", () => {
    expect(referenceDirFor("off")).toBeUndefined();
  });
  it("uses the catalogue shipped in @pobratym/reference-data when nothing is set", () => {
    expect(referenceDirFor(undefined)).toBe(PACKAGED_REFERENCE_DIR);
    expect(PACKAGED_REFERENCE_DIR).toMatch(/reference-data[\\/]data[\\/]?$/);
    expect(existsSync(join(PACKAGED_REFERENCE_DIR, "ua-hromadas.csv"))).toBe(true);
    expect(existsSync(join(PACKAGED_REFERENCE_DIR, "ua-oblasts.topo.json"))).toBe(true);
  });
});
