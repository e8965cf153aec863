// The public origin and client address decide the CSRF check, the cookie's Secure flag and the
// rate-limit keys; they believe X-Forwarded-* only from trusted proxies.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../middleware/auth";
import { nodePeerAddress } from "../node-peer";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, type TestDatabase } from "../test/test-db";
import { clientAddress, publicOrigin } from "./public-origin";
import { parseTrustProxy } from "./trust-proxy";

describe("public origin and client address", () => {
  let t: TestDatabase;
  let r: RoleSet;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    r = await createRoleSet(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "pobratym.example.org" };
  const fromProxy = (peer: string) =>
    testApp(t.db, { trustProxy: parseTrustProxy("10.0.0.0/8"), peerAddress: () => peer });

  it("accepts a cookie write from the HTTPS origin a trusted proxy reports", async () => {
    const app = fromProxy("10.1.2.3");
    app.post("/api/v1/__probe", (c) => c.json({ actor: c.var.actor?.userId ?? null }));
    const res = await app.request("http://10.0.0.5:8787/api/v1/__probe", {
      method: "POST",
      headers: {
        cookie: `${SESSION_COOKIE}=${r.coordinator.token}`,
        origin: "https://pobratym.example.org",
        ...proxied,
      },
    });
    expect(await res.json()).toEqual({ actor: r.coordinator.userId });
  });

  it("ignores forwarded headers from a peer that is not a trusted proxy", async () => {
    const app = fromProxy("198.51.100.9");
    app.post("/api/v1/__probe", (c) => c.json({ actor: c.var.actor?.userId ?? null }));
    const res = await app.request("http://10.0.0.5:8787/api/v1/__probe", {
      method: "POST",
      headers: {
        cookie: `${SESSION_COOKIE}=${r.coordinator.token}`,
        origin: "https://pobratym.example.org",
        ...proxied,
      },
    });
    expect(await res.json()).toEqual({ actor: null });
  });

  it("follows POBRATYM_PUBLIC_URL over any header", async () => {
    const app = testApp(t.db, {
      publicUrl: "https://public.example.org/",
      trustProxy: parseTrustProxy("off"),
    });
    app.post("/api/v1/__probe", (c) => c.json({ actor: c.var.actor?.userId ?? null }));
    const post = (origin: string) =>
      app.request("http://internal:8787/api/v1/__probe", {
        method: "POST",
        headers: { cookie: `${SESSION_COOKIE}=${r.coordinator.token}`, origin, ...proxied },
      });
    expect(await (await post("https://public.example.org")).json()).toEqual({
      actor: r.coordinator.userId,
    });
    expect(await (await post("https://pobratym.example.org")).json()).toEqual({ actor: null });
  });

  it("marks the session cookie Secure exactly when the public origin is HTTPS", async () => {
    const signIn = (app: ReturnType<typeof testApp>, headers: Record<string, string>) =>
      app.request("http://10.0.0.5:8787/api/v1/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ email: r.partnerEditor.email, password: r.partnerEditor.password }),
      });
    const behindProxy = await signIn(fromProxy("10.1.2.3"), proxied);
    expect(behindProxy.status).toBe(200);
    expect(behindProxy.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    const spoofed = await signIn(fromProxy("198.51.100.9"), proxied);
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });

  it("takes the client address from the socket on a real Node server, not from headers", async () => {
    const app = testApp(t.db, { trustProxy: parseTrustProxy("off"), peerAddress: nodePeerAddress });
    app.get("/api/v1/__probe", (c) =>
      c.json({ address: clientAddress(c), origin: publicOrigin(c) }),
    );
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((ok) => server.once("listening", ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/__probe`, {
        headers: { "x-forwarded-for": "10.7.7.7", ...proxied },
      });
      expect(await res.json()).toEqual({
        address: "127.0.0.1",
        origin: `http://127.0.0.1:${port}`,
      });
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
