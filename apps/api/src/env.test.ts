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

  it("trusts no proxy by default, and reads a hop count or ranges from POBRATYM_TRUST_PROXY", () => {
    expect(parseEnv({}).POBRATYM_TRUST_PROXY).toEqual({ kind: "off" });
    expect(parseEnv({ POBRATYM_TRUST_PROXY: "1" }).POBRATYM_TRUST_PROXY).toEqual({
      kind: "hops",
      hops: 1,
    });
    expect(parseEnv({ POBRATYM_TRUST_PROXY: "10.0.0.0/8" }).POBRATYM_TRUST_PROXY.kind).toBe(
      "ranges",
    );
    expect(() => parseEnv({ POBRATYM_TRUST_PROXY: "everyone" })).toThrow(/POBRATYM_TRUST_PROXY/);
  });

  it("takes an http(s) POBRATYM_PUBLIC_URL only", () => {
    expect(parseEnv({ POBRATYM_PUBLIC_URL: "https://p.example.org" }).POBRATYM_PUBLIC_URL).toBe(
      "https://p.example.org",
    );
    expect(() => parseEnv({ POBRATYM_PUBLIC_URL: "ftp://p.example.org" })).toThrow(
      /POBRATYM_PUBLIC_URL/,
    );
  });
});
