import { describe, expect, it } from "vitest";
import { forwardedClient, isTrustedPeer, normaliseAddress, parseTrustProxy } from "./trust-proxy";

describe("parseTrustProxy", () => {
  it.each([undefined, "", "off", "false", "0"])("trusts nobody for %j", (text) => {
    expect(parseTrustProxy(text)).toEqual({ kind: "off" });
  });

  it("reads a hop count and a list of ranges", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    const t = parseTrustProxy("10.0.0.0/8, 127.0.0.1, ::1, fd00::/8");
    expect(t.kind).toBe("ranges");
    expect(isTrustedPeer(t, "10.200.1.2")).toBe(true);
    expect(isTrustedPeer(t, "::ffff:127.0.0.1")).toBe(true);
    expect(isTrustedPeer(t, "::1")).toBe(true);
    expect(isTrustedPeer(t, "fd12:3456::1")).toBe(true);
    expect(isTrustedPeer(t, "11.0.0.1")).toBe(false);
    expect(isTrustedPeer(t, "127.0.0.2")).toBe(false);
    expect(isTrustedPeer(t, undefined)).toBe(false);
  });

  it.each(["yes", "10.0.0.0/33", "300.1.1.1", "1.2.3.4/8/1", "10.0.0.0/8,", "::1::2", "99"])(
    "refuses %j",
    (text) => {
      expect(() => parseTrustProxy(text)).toThrow();
    },
  );
});

describe("forwardedClient", () => {
  const spoofed = "198.51.100.7, 203.0.113.5";

  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(forwardedClient(parseTrustProxy("off"), "192.0.2.1", spoofed)).toBe("192.0.2.1");
  });

  it("takes the address N hops away with a hop count", () => {
    expect(forwardedClient(parseTrustProxy("1"), "10.0.0.1", spoofed)).toBe("203.0.113.5");
    expect(forwardedClient(parseTrustProxy("2"), "10.0.0.1", spoofed)).toBe("198.51.100.7");
    expect(forwardedClient(parseTrustProxy("5"), "10.0.0.1", spoofed)).toBe("198.51.100.7");
    expect(forwardedClient(parseTrustProxy("1"), "10.0.0.1", undefined)).toBe("10.0.0.1");
  });

  it("takes the right-most untrusted address with ranges, and the peer when it is no proxy", () => {
    const t = parseTrustProxy("10.0.0.0/8");
    expect(forwardedClient(t, "10.0.0.1", "198.51.100.7, 10.1.1.1")).toBe("198.51.100.7");
    expect(forwardedClient(t, "192.0.2.9", spoofed)).toBe("192.0.2.9");
  });

  it("falls back to the peer when the chain holds something other than addresses", () => {
    expect(forwardedClient(parseTrustProxy("1"), "10.0.0.1", "evil, 1.2.3.4")).toBe("10.0.0.1");
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["not an address", undefined],
  ])("writes %j as %j", (text, expected) => {
    expect(normaliseAddress(text)).toBe(expected);
  });
});
