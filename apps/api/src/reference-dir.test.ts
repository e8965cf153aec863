import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceDirFor } from "./reference-dir";

describe("referenceDirFor", () => {
  const root = "/srv/checkout";
  const sibling = resolve("/srv/shared/data");
  const has = (path: string) => path === resolve(sibling, "ua-hromadas.csv");

  it("takes the configured folder as it is", () => {
    expect(referenceDirFor("/data/ref", root, has)).toBe("/data/ref");
  });
  it("imports nothing when told off, even with shared/data beside the checkout", () => {
    expect(referenceDirFor("off", root, has)).toBeUndefined();
  });
  it("falls back to shared/data beside the checkout when it holds the reference files", () => {
    expect(referenceDirFor(undefined, root, has)).toBe(sibling);
    expect(referenceDirFor(undefined, root, () => false)).toBeUndefined();
  });
});
