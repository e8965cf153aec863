import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./deps";

/** The socket's far end under @hono/node-server: the client, or the proxy in front of it. */
export function nodePeerAddress(c: Context<AppEnv>): string | undefined {
  return getConnInfo(c).remote.address;
}
