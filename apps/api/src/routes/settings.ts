import { createRoute } from "@hono/zod-openapi";
import { MatchingSettingsSchema } from "@pobratym/core";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import {
  getMatchingSettings,
  updateMatchingSettings,
} from "../services/settings/matching-settings";

const getRoute = createRoute({
  method: "get",
  path: "/settings/matching",
  tags: ["matching"],
  summary: "The coordinators' matching settings (coordinators)",
  description:
    "`excludeFlaggedTies`: whether partners with an unverified tie to a Russian or Belarusian town are left out of " +
    "suggestions and rounds (true) or only flagged (false, the default). A round may override it.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  responses: {
    200: {
      description: "The settings",
      content: { "application/json": { schema: MatchingSettingsSchema } },
    },
    ...problemResponses(401, 403),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/settings/matching",
  tags: ["matching"],
  summary: "Change the coordinators' matching settings (coordinators)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: MatchingSettingsSchema } } },
  },
  responses: {
    200: {
      description: "The settings as stored",
      content: { "application/json": { schema: MatchingSettingsSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

/** The coordinators' matching settings. */
export function settingsRouter() {
  return newRouter()
    .openapi(getRoute, async (c) => c.json(await getMatchingSettings({ ctx: c.var.ctx }), 200))
    .openapi(putRoute, async (c) =>
      c.json(await updateMatchingSettings({ ctx: c.var.ctx, input: c.req.valid("json") }), 200),
    );
}
