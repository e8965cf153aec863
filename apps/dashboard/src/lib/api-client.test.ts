import { Health } from "@pobratym/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiGet, apiGetOptional, apiUrl } from "./api-client";

const respond = (status: number, body: unknown, type = "application/json") =>
  vi
    .spyOn(globalThis, "fetch")
    .mockResolvedValue(
      new Response(JSON.stringify(body), { status, headers: { "content-type": type } }),
    );

afterEach(() => vi.restoreAllMocks());

describe("apiUrl", () => {
  it("joins lists with commas and leaves out empty values", () => {
    expect(
      apiUrl("/municipalities", {
        q: "Växjö",
        country: ["SE", "NO"],
        region: [],
        kind: "",
        cursor: undefined,
        limit: 50,
      }),
    ).toBe("/api/v1/municipalities?q=V%C3%A4xj%C3%B6&country=SE%2CNO&limit=50");
  });
});

describe("apiGet", () => {
  it("returns the body parsed with the core schema", async () => {
    respond(200, {
      status: "ok",
      version: "1.0.0",
      database: "pglite",
      municipalities: 2100,
      catalogue: "real",
    });
    await expect(apiGet("/health", Health)).resolves.toEqual({
      status: "ok",
      version: "1.0.0",
      database: "pglite",
      municipalities: 2100,
      catalogue: "real",
    });
  });

  it("throws an ApiError carrying the problem's title, code and field errors", async () => {
    respond(
      400,
      {
        type: "https://pobratym.eu/problems/validation",
        title: "Invalid query",
        status: 400,
        code: "validation-failed",
        requestId: "r-1",
        errors: [{ path: "limit", message: "must be at most 500" }],
      },
      "application/problem+json",
    );
    const error = await apiGet("/municipalities", Health).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: "Invalid query",
      code: "validation-failed",
      requestId: "r-1",
      fieldErrors: [{ path: "limit", message: "must be at most 500" }],
    });
  });

  it("turns a non-problem error body into an ApiError with the HTTP status", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    await expect(apiGet("/health", Health)).rejects.toMatchObject({
      status: 502,
      code: "http-502",
      title: "Bad Gateway",
    });
  });

  it("reports a body that breaks the contract instead of passing it on", async () => {
    respond(200, { status: "ok", version: 3 });
    await expect(apiGet("/health", Health)).rejects.toMatchObject({ code: "invalid-response" });
  });

  it("reports a network failure as code 'network'", async () => {
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(apiGet("/health", Health)).rejects.toMatchObject({ status: 0, code: "network" });
  });

  it("passes an abort through untouched, so cancelled searches are not shown as errors", async () => {
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new DOMException("aborted", "AbortError"));
    await expect(apiGet("/health", Health)).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("apiGetOptional", () => {
  it("resolves to null on 404", async () => {
    respond(
      404,
      { type: "about:blank", title: "Not found", status: 404, code: "not-found" },
      "application/problem+json",
    );
    await expect(apiGetOptional("/reference/oblasts.topo.json", Health)).resolves.toBeNull();
  });
});
