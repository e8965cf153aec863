import { createRoute, z } from "@hono/zod-openapi";
import { REFERENCE_ATTRIBUTION } from "@pobratym/core";
import type { ReferenceAssets } from "../deps";
import { NotFoundError } from "../errors";
import { newRouter, problemResponses } from "../lib/router";

const Attribution = z.object({ attribution: z.string() });
const Topology = z.looseObject({
  type: z.literal("Topology"),
  objects: z.record(z.string(), z.unknown()),
});

/** `GET /reference/…`: the oblast shapes for the map, and the data attribution line. */
export function referenceRouter(assets: ReferenceAssets | undefined) {
  return newRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/reference/oblasts.topo.json",
        tags: ["reference"],
        summary: "Ukraine's oblast shapes (TopoJSON) from the reference folder, when one is loaded",
        responses: {
          200: {
            description: "TopoJSON topology",
            content: { "application/json": { schema: Topology } },
          },
          ...problemResponses(404),
        },
      }),
      async (c) => {
        const text = (await assets?.oblastShapes()) ?? null;
        if (text === null)
          throw new NotFoundError(
            "oblast shapes on this server (start it with POBRATYM_REFERENCE_DIR)",
          );
        const topology = Topology.safeParse(parseJson(text));
        if (!topology.success) throw new NotFoundError("valid oblast shapes on this server");
        c.header("Cache-Control", "public, max-age=86400");
        return c.json(topology.data, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reference/attribution",
        tags: ["reference"],
        summary: "The attribution line for the reference data, to show wherever it appears",
        responses: {
          200: {
            description: "Attribution",
            content: { "application/json": { schema: Attribution } },
          },
        },
      }),
      (c) => c.json({ attribution: REFERENCE_ATTRIBUTION }, 200),
    );
}

/** JSON.parse that answers undefined instead of throwing: a broken file must not become a 500. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
