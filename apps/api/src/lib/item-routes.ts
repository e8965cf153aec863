import { createRoute } from "@hono/zod-openapi";
import { Id } from "@pobratym/core";
import { z } from "zod";
import { canEditMunicipality, requireMunicipalityEditor } from "../middleware/auth";
import type { ServiceContext } from "../services/context";
import { etag } from "./etag";
import { etagHeader, ifMatchHeader, withIfMatch } from "./if-match";
import { newRouter, problemResponses } from "./router";

/**
 * A kind of small versioned item a municipality keeps (needs of a hromada, offers of a partner):
 * what differs between them is only words, schemas and services.
 */
export interface ItemRoutesSpec<
  Create extends z.ZodType,
  Update extends z.ZodType,
  Item extends z.ZodType,
> {
  /** The path segment and the plural in texts: `needs`. */
  plural: string;
  /** The singular in texts: `a need`. */
  singular: string;
  /** Who owns them, in texts: `a hromada`. */
  owner: string;
  /** The item's path parameter: `needId`. */
  itemParam: string;
  schemas: { create: Create; update: Update; item: Item };
  list(args: {
    ctx: ServiceContext;
    municipalityId: string;
    canSeeDrafts: boolean;
  }): Promise<z.infer<Item>[]>;
  create(args: {
    ctx: ServiceContext;
    municipalityId: string;
    input: z.infer<Create>;
  }): Promise<z.infer<Item> & { version: number }>;
  update(args: {
    ctx: ServiceContext;
    municipalityId: string;
    itemId: string;
    patch: z.infer<Update>;
    expectedVersion: number;
  }): Promise<z.infer<Item> & { version: number }>;
  remove(args: {
    ctx: ServiceContext;
    municipalityId: string;
    itemId: string;
    expectedVersion: number;
  }): Promise<unknown>;
}

/**
 * The four routes of a municipality's versioned items: public list (drafts for its editors),
 * create, and If-Match guarded update and delete for coordinators and the municipality's editors.
 */
export function itemRoutes<C extends z.ZodType, U extends z.ZodType, I extends z.ZodType>(
  spec: ItemRoutesSpec<C, U, I>,
) {
  const { plural, singular, owner, itemParam, schemas } = spec;
  const collection = `/municipalities/{id}/${plural}`;
  const member = `${collection}/{${itemParam}}`;
  const params = z.object({ id: Id });
  const itemParams = z.object({ id: Id, [itemParam]: Id });
  // The schemas are generic here, so the typed `c.req.valid` cannot name their outputs; this
  // reads the same validated values with the types the spec promises.
  type Validated = { req: { valid(target: string): unknown } };
  const body = <T>(c: Validated) => c.req.valid("json") as T;
  const ids = (c: Validated) => {
    const p = c.req.valid("param") as Record<string, string>;
    return { municipalityId: p.id ?? "", itemId: p[itemParam] ?? "" };
  };

  const listRoute = createRoute({
    method: "get",
    path: collection,
    tags: ["profiles"],
    summary: `The ${plural} of ${owner}, each with its version`,
    request: { params },
    responses: {
      200: {
        description: `The ${plural}, oldest first`,
        content: { "application/json": { schema: z.object({ items: z.array(schemas.item) }) } },
      },
      ...problemResponses(400, 404),
    },
  });
  const createItemRoute = createRoute({
    method: "post",
    path: collection,
    tags: ["profiles"],
    summary: `Add ${singular} to ${owner} (coordinators, or its editors)`,
    security: [{ bearer: [] }],
    middleware: [requireMunicipalityEditor("id")] as const,
    request: {
      params,
      body: { required: true, content: { "application/json": { schema: schemas.create } } },
    },
    responses: {
      201: {
        description: `The new ${singular.replace(/^an? /, "")}`,
        headers: etagHeader,
        content: { "application/json": { schema: schemas.item } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  const updateRoute = createRoute({
    method: "patch",
    path: member,
    tags: ["profiles"],
    summary: `Change ${singular} (If-Match required)`,
    security: [{ bearer: [] }],
    middleware: [requireMunicipalityEditor("id")] as const,
    request: {
      params: itemParams,
      headers: ifMatchHeader,
      body: { required: true, content: { "application/json": { schema: schemas.update } } },
    },
    responses: {
      200: {
        description: `The changed ${singular.replace(/^an? /, "")}`,
        headers: etagHeader,
        content: { "application/json": { schema: schemas.item } },
      },
      ...problemResponses(400, 401, 403, 404, 412, 428),
    },
  });
  const deleteRoute = createRoute({
    method: "delete",
    path: member,
    tags: ["profiles"],
    summary: `Delete ${singular} (If-Match required)`,
    security: [{ bearer: [] }],
    middleware: [requireMunicipalityEditor("id")] as const,
    request: { params: itemParams, headers: ifMatchHeader },
    responses: {
      204: { description: "Deleted" },
      ...problemResponses(400, 401, 403, 404, 412, 428),
    },
  });

  return newRouter()
    .openapi(listRoute, async (c) => {
      const { id } = c.req.valid("param");
      const items = await spec.list({
        ctx: c.var.ctx,
        municipalityId: id,
        canSeeDrafts: canEditMunicipality(c.var.ctx.actor, id),
      });
      return c.json({ items }, 200);
    })
    .openapi(createItemRoute, async (c) => {
      const item = await spec.create({
        ctx: c.var.ctx,
        municipalityId: ids(c).municipalityId,
        input: body<z.infer<C>>(c),
      });
      c.header("etag", etag(item.version));
      return c.json(item, 201);
    })
    .openapi(updateRoute, async (c) => {
      const patch = body<z.infer<U>>(c);
      const item = await withIfMatch(c, (expectedVersion) =>
        spec.update({ ctx: c.var.ctx, ...ids(c), patch, expectedVersion }),
      );
      c.header("etag", etag(item.version));
      return c.json(item, 200);
    })
    .openapi(deleteRoute, async (c) => {
      await withIfMatch(c, (expectedVersion) =>
        spec.remove({ ctx: c.var.ctx, ...ids(c), expectedVersion }),
      );
      return c.body(null, 204);
    });
}
