// Which peers may tell us who the client is. Behind a TLS-terminating proxy the request the API
// sees comes from the proxy, and only the proxy's X-Forwarded-* headers say what the browser
// used. Anyone else can send those headers too, so they are believed only from trusted peers:
// none by default, the N nearest hops, or peers inside listed address ranges.

/** How far X-Forwarded-For, -Proto and -Host are believed (POBRATYM_TRUST_PROXY). */
export type TrustProxy =
  | { kind: "off" }
  /** The API sits behind exactly this many proxies; the peer is always the nearest one. */
  | { kind: "hops"; hops: number }
  /** Proxies are the peers inside these ranges. */
  | { kind: "ranges"; ranges: readonly AddressRange[] };

export interface AddressRange {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

export const TRUST_NONE: TrustProxy = { kind: "off" };

interface Address {
  family: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(p));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  let tail: bigint[] = [];
  // An embedded IPv4 address (::ffff:192.0.2.1) is the last 32 bits.
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (v4) {
    const low = parseIpv4(v4[2] ?? "");
    if (low === undefined) return undefined;
    body = `${v4[1]}0:0`;
    tail = [low >> 16n, low & 0xffffn];
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string | undefined) => (s ? s.split(":") : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  }
  if (tail.length === 2)
    value = (value & ~0xffffffffn) | ((tail[0] ?? 0n) << 16n) | (tail[1] ?? 0n);
  return value;
}

const MAPPED_V4 = 0xffff00000000n;

/** Parses an IPv4 or IPv6 address (zone and brackets removed); IPv4-mapped IPv6 counts as IPv4. */
export function parseAddress(text: string): Address | undefined {
  const clean = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  const v4 = parseIpv4(clean);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!clean.includes(":")) return undefined;
  const v6 = parseIpv6(clean);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === MAPPED_V4 >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** An address in its usual text form, IPv4-mapped IPv6 as plain IPv4; undefined when it is not one. */
export function normaliseAddress(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const a = parseAddress(text);
  if (!a) return undefined;
  if (a.family === 4)
    return [24n, 16n, 8n, 0n].map((s) => String((a.value >> s) & 0xffn)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((a.value >> s) & 0xffffn).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at < 0) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}

function parseRange(text: string): AddressRange | undefined {
  const [addr, bitsText, extra] = text.trim().split("/");
  if (extra !== undefined || !addr) return undefined;
  const a = parseAddress(addr);
  if (!a) return undefined;
  const width = a.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!/^\d{1,3}$/.test(bitsText ?? String(width)) || bits > width) return undefined;
  const mask = ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return { family: a.family, base: a.value & mask, bits };
}

function inRange(a: Address, r: AddressRange): boolean {
  if (a.family !== r.family) return false;
  const width = r.family === 4 ? 32 : 128;
  const mask = ((1n << BigInt(r.bits)) - 1n) << BigInt(width - r.bits);
  return (a.value & mask) === r.base;
}

/**
 * Parses POBRATYM_TRUST_PROXY: unset, `off`, `false` or `0` trusts nobody; a number is a hop
 * count; anything else is a comma-separated list of addresses and CIDR ranges. Throws on junk.
 * @example
 * parseTrustProxy("1");                       // behind one proxy
 * parseTrustProxy("10.0.0.0/8, 127.0.0.1");   // proxies are these peers
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = text?.trim() ?? "";
  if (value === "" || value === "off" || value === "false" || value === "0") return TRUST_NONE;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) throw new Error("expected at most 32 proxy hops");
    return { kind: "hops", hops };
  }
  const ranges = value.split(",").map((part) => {
    const range = parseRange(part);
    if (!range)
      throw new Error(`"${part.trim()}" is neither a hop count nor an address or CIDR range`);
    return range;
  });
  return { kind: "ranges", ranges };
}

/** True when the peer at `peer` is a proxy whose forwarded headers are believed. */
export function isTrustedPeer(trust: TrustProxy, peer: string | undefined): boolean {
  if (trust.kind === "off") return false;
  if (trust.kind === "hops") return trust.hops > 0;
  const a = peer === undefined ? undefined : parseAddress(peer);
  return a !== undefined && trust.ranges.some((r) => inRange(a, r));
}

/**
 * The client's address from the peer and the X-Forwarded-For chain, believing only as much of
 * the chain as `trust` allows: with N hops, the address N entries from the right (the peer
 * being the first); with ranges, the right-most address that is not a trusted proxy.
 */
export function forwardedClient(
  trust: TrustProxy,
  peer: string | undefined,
  forwardedFor: string | undefined,
): string | undefined {
  if (!isTrustedPeer(trust, peer) || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  // A chain with junk in it was not written by a proxy we trust; fall back to the peer.
  if (chain.some((s) => parseAddress(s) === undefined)) return peer;
  if (trust.kind === "hops") {
    const hops = [...chain, peer ?? ""];
    return hops[Math.max(0, hops.length - 1 - trust.hops)];
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] as string;
    if (!isTrustedPeer(trust, hop)) return hop;
  }
  return chain[0] ?? peer;
}
