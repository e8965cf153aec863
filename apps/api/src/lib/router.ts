import { OpenAPIHono } from "@hono/zod-openapi";
import { Problem } from "@pobratym/core";
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import type { AppEnv } from "../deps";
import { ValidationError } from "../errors";

/** A router whose failed validations throw a ValidationError, so onError shapes every 400 alike. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw ValidationError.fromZod(result.error, result.target);
    },
  });
}

const DESCRIPTIONS = {
  400: "The request is malformed or did not pass validation",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict with the current state",
  412: "The resource changed since it was read",
  413: "The body is too large",
  422: "The request refers to records that do not fit",
  428: "If-Match is required",
  429: "Too many attempts; see Retry-After",
  503: "The database is unreachable; nothing was changed. Retry after Retry-After seconds",
} as const;

type ProblemStatus = keyof typeof DESCRIPTIONS;

/** The problem+json response entries a route documents, e.g. `...problemResponses(400, 404)`. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  const entries = statuses.map((s) => [
    s,
    { description: DESCRIPTIONS[s], content: { "application/problem+json": { schema: Problem } } },
  ]);
  return Object.fromEntries(entries) as Record<
    S,
    { description: string; content: { "application/problem+json": { schema: typeof Problem } } }
  >;
}

/**
 * A 200 response whose body is JSON already serialised (a remembered answer), typed as the
 * route's JSON body `T` so the route keeps its contract. The body must be `JSON.stringify` of a
 * `T`, as text or as its UTF-8 bytes (bytes skip the encoding and length count per response).
 */
export function serialisedJson<T>(
  c: Context,
  body: string | Uint8Array<ArrayBuffer>,
): TypedResponse<JSONParsed<T>, 200, "json"> {
  return c.body(body, 200, { "content-type": "application/json" }) as unknown as TypedResponse<
    JSONParsed<T>,
    200,
    "json"
  >;
}
