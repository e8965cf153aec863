import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "./deps";
import { handleError, problemResponse } from "./errors";
import { DOCS_STYLESHEET, renderDocsPage } from "./lib/docs-page";
import type { Network } from "./lib/public-origin";
import { TRUST_NONE } from "./lib/trust-proxy";
import { authenticate } from "./middleware/auth";
import { limitBody, strictBody } from "./middleware/body";
import { documentIdempotencyKey, idempotency } from "./middleware/idempotency";
import { invalidateMatchingOnWrite } from "./middleware/invalidate-matching";
import { createLimits } from "./middleware/rate-limit";
import { requestId } from "./middleware/request-id";
import { securityHeaders } from "./middleware/security-headers";
import { serviceContext } from "./middleware/service-context";
import { evictSessionsOnWrite } from "./middleware/session-cache";
import { authRouter } from "./routes/auth";
import { conferencesRouter } from "./routes/conferences";
import { contactsRouter } from "./routes/contacts";
import { healthRouter } from "./routes/health";
import { invitesRouter } from "./routes/invites";
import { municipalitiesRouter } from "./routes/municipalities";
import { municipalityEditsRouter } from "./routes/municipality-edits";
import { needsRouter } from "./routes/needs";
import { offersRouter } from "./routes/offers";
import { partnershipsRouter } from "./routes/partnerships";
import { privacyRouter } from "./routes/privacy";
import { questionnairesRouter } from "./routes/questionnaires";
import { referenceRouter } from "./routes/reference";
import { referenceImportsRouter } from "./routes/reference-imports";
import { roundsRouter } from "./routes/rounds";
import { settingsRouter } from "./routes/settings";
import { statisticsRouter } from "./routes/statistics";
import { suggestionsRouter } from "./routes/suggestions";
import { tiesRouter } from "./routes/ties";
import { usersRouter } from "./routes/users";

/** Where every versioned route lives. */
export const API_BASE = "/api/v1";
const DEFAULT_BODY_LIMIT = 1024 * 1024;

const DOC_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Pobratym API",
    version: "1",
    description:
      "Find and track partnerships between European municipalities and Ukrainian hromadas. " +
      "Request and response schemas come from @pobratym/core.",
  },
  servers: [{ url: "/" }],
};

/**
 * Builds the HTTP app around its dependencies. No runtime-specific code: the node and edge
 * entries, and the tests, each build their own.
 * @example
 * const app = createApp({ db: await createDb(undefined), clock: () => new Date(), logger: jsonLogger() });
 * const res = await app.request("/api/v1/health");
 */
export function createApp(deps: Deps) {
  const version = deps.version ?? "0.1.0";
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  app.notFound((c) =>
    problemResponse(c, {
      title: "Not found",
      status: 404,
      code: "not-found",
      detail: `No route for ${c.req.method} ${c.req.path}.`,
    }),
  );

  const network: Network = {
    trustProxy: deps.trustProxy ?? TRUST_NONE,
    ...(deps.publicUrl ? { publicOrigin: new URL(deps.publicUrl).origin } : {}),
    ...(deps.peerAddress ? { peerAddress: deps.peerAddress } : {}),
  };
  const limits = deps.limits ?? createLimits();
  app.use("*", requestId);
  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("db", deps.db);
    c.set("clock", deps.clock);
    c.set("logger", deps.logger);
    c.set("network", network);
    c.set("limits", limits);
    await next();
  });
  app.use(`${API_BASE}/*`, limitBody(deps.bodyLimit ?? DEFAULT_BODY_LIMIT));
  app.use(`${API_BASE}/*`, strictBody);
  app.use(`${API_BASE}/*`, authenticate);
  app.use(`${API_BASE}/*`, serviceContext);
  // Retried POSTs with an Idempotency-Key get the first answer again instead of running twice.
  app.use(`${API_BASE}/*`, idempotency(API_BASE));
  // Sign-out, disabling and erasing drop this process's cached sessions at once.
  app.use(`${API_BASE}/*`, evictSessionsOnWrite);
  // Any successful write may change profiles, needs, offers, ties or partnerships.
  app.use(`${API_BASE}/*`, invalidateMatchingOnWrite);

  const api = new OpenAPIHono<AppEnv>();
  api.route("/", healthRouter(version));
  api.route("/", municipalitiesRouter());
  // Access and profile edits.
  api.route("/", authRouter());
  api.route("/", invitesRouter());
  api.route("/", usersRouter());
  api.route("/", municipalityEditsRouter());
  api.route("/", needsRouter());
  api.route("/", offersRouter());
  api.route("/", contactsRouter());
  api.route("/", questionnairesRouter());
  api.route("/", privacyRouter());
  api.route("/", partnershipsRouter());
  api.route("/", tiesRouter());
  api.route("/", statisticsRouter());
  // Matching: suggestions, national rounds, conferences.
  api.route("/", suggestionsRouter());
  api.route("/", roundsRouter());
  api.route("/", settingsRouter());
  api.route("/", conferencesRouter());
  api.route("/", referenceRouter(deps.referenceAssets));
  api.route("/", referenceImportsRouter());
  app.route(API_BASE, api);
  // Adds the Idempotency-Key header to the documented POSTs that take it.
  documentIdempotencyKey(app.openAPIRegistry, API_BASE);
  // Documented on the root app, after mounting, so paths carry the /api/v1 prefix.
  // Routes that need a signed-in user name this scheme in their `security`.
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "The session token from sign-in (the dashboard sends it as the pobratym_session cookie instead).",
  });
  app.doc31(`${API_BASE}/openapi.json`, DOC_CONFIG);
  app.get(`${API_BASE}/docs`, (c) =>
    c.html(
      renderDocsPage(
        app.getOpenAPI31Document(DOC_CONFIG),
        `${API_BASE}/openapi.json`,
        `${API_BASE}/docs.css`,
      ),
    ),
  );
  app.get(`${API_BASE}/docs.css`, (c) =>
    c.body(DOCS_STYLESHEET, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  return app;
}

/** The app's type, for typed clients (`hc<App>`). */
export type App = ReturnType<typeof createApp>;
