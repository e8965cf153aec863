// The one answer to "what origin did the browser use, and who is the client": the CSRF check,
// the session cookie's Secure flag, HSTS and the rate limits' keys all ask here, so they can
// never disagree about whether a proxy is believed.
import type { Context } from "hono";
import type { AppEnv } from "../deps";
import { forwardedClient, isTrustedPeer, normaliseAddress, type TrustProxy } from "./trust-proxy";

/** How this process sits on the network; built once by the runtime entry, see Deps. */
export interface Network {
  trustProxy: TrustProxy;
  /** POBRATYM_PUBLIC_URL's origin, when set: then no header is consulted for the origin. */
  publicOrigin?: string;
  /** The address of the connection's other end (getConnInfo on Node), when the runtime knows it. */
  peerAddress?: (c: Context<AppEnv>) => string | undefined;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(header: string | undefined): string | undefined {
  const value = header?.split(",")[0]?.trim();
  return value === "" ? undefined : value;
}

function peerOf(c: Context<AppEnv>): string | undefined {
  return normaliseAddress(c.var.network.peerAddress?.(c));
}

/**
 * The origin the client used: POBRATYM_PUBLIC_URL when set; else X-Forwarded-Proto and -Host
 * when the peer is a trusted proxy; else the request's own URL.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { network } = c.var;
  if (network.publicOrigin) return network.publicOrigin;
  const own = new URL(c.req.url);
  if (!isTrustedPeer(network.trustProxy, peerOf(c))) return own.origin;
  const proto = firstValue(c.req.header("x-forwarded-proto"))?.toLowerCase();
  const host = firstValue(c.req.header("x-forwarded-host"));
  const scheme = proto === "https" || proto === "http" ? proto : own.protocol.slice(0, -1);
  const authority = host && HOST.test(host) ? host.toLowerCase() : own.host;
  return `${scheme}://${authority}`;
}

/** True when the client reached us over HTTPS (directly or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  return publicOrigin(c).startsWith("https:");
}

/**
 * The client's address for rate limits: the trusted part of X-Forwarded-For, else the peer.
 * "unknown" only on a runtime that cannot tell (then every such client shares one bucket).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const { network } = c.var;
  const peer = peerOf(c);
  const client = forwardedClient(network.trustProxy, peer, c.req.header("x-forwarded-for"));
  return normaliseAddress(client) ?? peer ?? "unknown";
}
