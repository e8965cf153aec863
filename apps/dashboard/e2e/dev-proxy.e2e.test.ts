// `pnpm dev` serves the dashboard from Vite and forwards /api to the API. The API refuses cookie
// writes from a foreign Origin, and Vite's origin is foreign to it; the proxy must present the
// API's own origin, or nothing can be saved in development.
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_DIR } from "./server";

describe("the dev server's API proxy", () => {
  let api: Server;
  let apiOrigin: string;
  let vite: ViteDevServer;
  let viteUrl: string;
  const seen: { origin?: string; host?: string }[] = [];

  beforeAll(async () => {
    api = createHttpServer((req, res) => {
      seen.push({ origin: req.headers.origin, host: req.headers.host });
      res.writeHead(204).end();
    });
    await new Promise<void>((ok) => api.listen(0, "127.0.0.1", ok));
    apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    process.env.POBRATYM_API_URL = apiOrigin;
    vite = await createServer({
      root: DASHBOARD_DIR,
      configFile: `${DASHBOARD_DIR}/vite.config.ts`,
      server: { port: 0, host: "127.0.0.1" },
      logLevel: "silent",
    });
    await vite.listen();
    viteUrl = vite.resolvedUrls?.local[0] ?? "";
  });
  afterAll(async () => {
    delete process.env.POBRATYM_API_URL;
    await vite?.close();
    await new Promise((done) => api?.close(done));
  });

  it("forwards a dashboard write with the API's own origin and host", async () => {
    const viteOrigin = new URL(viteUrl).origin;
    const res = await fetch(`${viteOrigin}/api/v1/municipalities/x`, {
      method: "PATCH",
      headers: {
        origin: viteOrigin,
        cookie: "pobratym_session=t",
        "content-type": "application/json",
      },
      body: "{}",
    });
    expect(res.status).toBe(204);
    expect(seen.at(-1)).toEqual({ origin: apiOrigin, host: new URL(apiOrigin).host });
  });
});
