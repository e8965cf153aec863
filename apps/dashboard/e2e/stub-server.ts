import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import {
  type MunicipalitySummary,
  Problem,
  REFERENCE_ATTRIBUTION,
  searchKey,
} from "@pobratym/core";
import { STUB_PROFILES, toSummary } from "./stub-fixtures";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/**
 * Serves `dist/` (with the SPA fallback). With `apiOrigin`, /api requests go to that real API (for
 * an API build that does not serve the dashboard itself); without it, a stand-in answers the few
 * read endpoints the dashboard uses from made-up fixtures.
 */
export function createStubServer(distDir: string, apiOrigin?: string): Server {
  const summaries = STUB_PROFILES.map(toSummary);
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    if (apiOrigin && url.pathname.startsWith("/api/")) {
      const upstream = await fetch(new URL(url.pathname + url.search, apiOrigin));
      res.writeHead(upstream.status, {
        "content-type": upstream.headers.get("content-type") ?? "application/json",
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    const json = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(JSON.stringify(body));
    };
    const problem = (status: number, title: string, code: string) =>
      json(
        status,
        Problem.parse({ type: "about:blank", title, status, code }),
        "application/problem+json",
      );

    if (url.pathname === "/api/v1/health") {
      return json(200, {
        status: "ok",
        version: "stub",
        database: "pglite",
        municipalities: summaries.length,
        catalogue: "demo",
      });
    }
    if (url.pathname === "/api/v1/municipalities") {
      const p = url.searchParams;
      const list = (k: string) => p.get(k)?.split(",").filter(Boolean) ?? [];
      const q = searchKey(p.get("q") ?? "");
      let items = summaries.filter((m) => {
        if (q && !Object.values(m.names).some((n) => n && searchKey(n).includes(q))) return false;
        if (p.get("kind") && m.kind !== p.get("kind")) return false;
        if (list("country").length && !list("country").includes(m.country)) return false;
        if (
          list("region").length &&
          !list("region").some((r) => r === m.region.code || r === m.region.iso)
        )
          return false;
        if (list("situation").length && !list("situation").includes(m.situation ?? ""))
          return false;
        if (list("area").length && !m.areas.some((a) => list("area").includes(a))) return false;
        if (p.get("hasPartner") && m.partnershipCount > 0 !== (p.get("hasPartner") === "true"))
          return false;
        if (p.get("minPopulation") && (m.population ?? 0) < Number(p.get("minPopulation")))
          return false;
        if (p.get("maxPopulation") && (m.population ?? 0) > Number(p.get("maxPopulation")))
          return false;
        return true;
      });
      if (p.get("format") === "geojson") {
        return json(200, {
          type: "FeatureCollection",
          features: items.flatMap(({ centre, ...properties }: MunicipalitySummary) =>
            centre
              ? [
                  {
                    type: "Feature",
                    id: properties.id,
                    geometry: { type: "Point", coordinates: [centre.lon, centre.lat] },
                    properties,
                  },
                ]
              : [],
          ),
          attribution: REFERENCE_ATTRIBUTION,
        });
      }
      const limit = Number(p.get("limit") ?? 50);
      const start = Number(p.get("cursor") ?? 0);
      const total = items.length;
      items = items.slice(start, start + limit);
      const next = start + limit < total ? String(start + limit) : null;
      return json(200, { items, nextCursor: next, total });
    }
    const one = /^\/api\/v1\/municipalities\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const profile = STUB_PROFILES.find(
        (p) => p.municipality.id === decodeURIComponent(one[1] ?? ""),
      );
      return profile ? json(200, profile) : problem(404, "Municipality not found", "not-found");
    }
    if (url.pathname.startsWith("/api/")) return problem(404, "Not found", "not-found");

    const file = normalize(join(distDir, url.pathname));
    const target = file.startsWith(distDir) && extname(file) ? file : join(distDir, "index.html");
    try {
      const body = await readFile(target);
      res.writeHead(200, { "content-type": TYPES[extname(target)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}
