import { Problem } from "@pobratym/core";
import type { z } from "zod";
import { env } from "../config/env";

/** One field-level error from a problem document. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  /** What the code's message needs (core `describeIssue`), e.g. `{ max: 4000 }`. */
  params?: Readonly<Record<string, string | number>>;
}

/**
 * Every failed API call throws this: an HTTP problem (RFC 9457), a network failure (`status` 0,
 * code `network`) or a response that does not match the contract (code `invalid-response`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly requestId: string | undefined;
  /** For an illegal move (409): the moves that are allowed instead. */
  readonly allowed: readonly string[];

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    fieldErrors?: readonly FieldError[];
    requestId?: string;
    allowed?: readonly string[];
    cause?: unknown;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.allowed = init.allowed ?? [];
  }
}

/** Query values; arrays are sent comma-separated, empty values are left out. */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** Builds `/api/v1/…?…`, dropping empty values so URLs stay short and cacheable. */
export function apiUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `${env.apiBaseUrl}/api/v1${path}${search ? `?${search}` : ""}`;
}

interface RequestOptions {
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  try {
    return await fetch(apiUrl(path, options.query), {
      headers: { accept: "application/json, application/problem+json" },
      signal: options.signal ?? null,
    });
  } catch (cause) {
    // An abort is the caller's own doing (TanStack Query cancelling a stale search): pass it on as is.
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, code: "network", title: "Network error", cause });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const problem = Problem.safeParse(body);
  if (problem.success) {
    const p = problem.data;
    return new ApiError({
      status: p.status,
      code: p.code,
      title: p.title,
      ...(p.detail !== undefined ? { detail: p.detail } : {}),
      ...(p.errors ? { fieldErrors: p.errors } : {}),
      ...(p.requestId !== undefined ? { requestId: p.requestId } : {}),
      ...(p.allowed ? { allowed: p.allowed } : {}),
    });
  }
  return new ApiError({
    status: response.status,
    code: `http-${response.status}`,
    title: response.statusText || `HTTP ${response.status}`,
  });
}

async function parse<S extends z.ZodType>(
  response: Response,
  schema: S,
  path: string,
): Promise<z.infer<S>> {
  const body: unknown = await response.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiError({
    status: response.status,
    code: "invalid-response",
    title: "Unexpected response from the server",
    detail: `GET ${path} did not match the API contract`,
    fieldErrors: result.error.issues.slice(0, 10).map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    })),
    cause: result.error,
  });
}

/**
 * GETs an API path and parses the body with a core schema.
 * @example
 * const health = await apiGet("/health", Health);
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  if (!response.ok) throw await toApiError(response);
  return parse(response, schema, path);
}

/** Like `apiGet`, but a 404 resolves to `null` (for optional resources such as map shapes). */
export async function apiGetOptional<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S> | null> {
  const response = await send(path, options);
  if (response.status === 404) return null;
  if (!response.ok) throw await toApiError(response);
  return parse(response, schema, path);
}

/** Options of a write: the body to send as JSON, and the ETag read earlier for optimistic locking. */
export interface SendOptions extends RequestOptions {
  body?: unknown;
  ifMatch?: string;
}

/**
 * Sends a write (POST, PUT, PATCH, DELETE) with a JSON body and parses the answer with a core schema;
 * a 204 resolves to `undefined`. The session travels as the API's HttpOnly cookie (same origin).
 * @example
 * const detail = await apiSend("POST", `/partnerships/${id}/moves`, PartnershipDetail, { body: { to }, ifMatch: '"3"' });
 */
export async function apiSend<S extends z.ZodType>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  schema: S,
  options: SendOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.ifMatch !== undefined) headers["if-match"] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      signal: options.signal ?? null,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, code: "network", title: "Network error", cause });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return schema.parse(undefined);
  return parse(response, schema, path);
}
