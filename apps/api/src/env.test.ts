import { describe, expect, it } from "vitest";
import { parseEnv, resolveFrom } from "./env";

describe("environment", () => {
  it.each([
    ["/work/main", "../shared/data", "/work/shared/data"],
    ["/work/main", ".pobratym-data", "/work/main/.pobratym-data"],
    ["/work/main/", "./a/./b/../c", "/work/main/a/c"],
    ["/work/main", "/srv/data", "/srv/data"],
    ["/", "../x", "/x"],
  ])("resolves %s + %s to %s", (base, path, expected) => {
    expect(resolveFrom(base, path)).toBe(expected);
  });

  it("uses the documented defaults and treats empty values as unset", () => {
    const e = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(e.PORT).toBe(8787);
    expect(e.POBRATYM_DATA_DIR).toBe(".pobratym-data");
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL and names it", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
