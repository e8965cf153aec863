import { createRoute } from "@hono/zod-openapi";
import { Id, SuggestionList, SuggestionsQuery } from "@pobratym/core";
import { z } from "zod";
import { newRouter, problemResponses, serialisedJson } from "../lib/router";
import { requireMunicipalityEditor } from "../middleware/auth";
import { getSuggestionsJson } from "../services/matching/get-suggestions";

const suggestionsRoute = createRoute({
  method: "get",
  path: "/municipalities/{id}/suggestions",
  tags: ["matching"],
  summary: "Explained partner suggestions for a municipality (its editors and coordinators)",
  description:
    "For a hromada, the best partner municipalities; for a partner, the best hromadas. Each suggestion carries its score " +
    "and the components behind it (reason code, contribution, data), so an interface can explain why. Pairs with a " +
    "partnership that has not ended are excluded, and so, unless `excludeReviewCountryTies=false`, are partners with an " +
    "active tie to a Russian or Belarusian town; an unverified (under-review) tie only flags the partner unless the " +
    "coordinators' setting or `excludeFlaggedTies=true` says otherwise. No pair without thematic fit is suggested unless " +
    "`exploratory=true` (then marked). A subject with no needs (or offers) gets `status: complete-profile` and a " +
    "`profileLink`. `leftOut` counts who was left out, by reason. Only published profiles are suggested. Profiles are " +
    "cached in memory and reloaded after any write (or within 2 s of a write made by another process).",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: { params: z.object({ id: Id }), query: SuggestionsQuery },
  responses: {
    200: {
      description: "The best counterparts, best first",
      content: { "application/json": { schema: SuggestionList } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Explained suggestions: who fits whom, and why. */
export function suggestionsRouter() {
  return newRouter().openapi(suggestionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const json = await getSuggestionsJson({
      ctx: c.var.ctx,
      id,
      k: query.k,
      excludeReviewCountryTies: query.excludeReviewCountryTies,
      exploratory: query.exploratory,
      ...(query.excludeFlaggedTies === undefined
        ? {}
        : { excludeFlaggedTies: query.excludeFlaggedTies }),
      ...(query.minScore === undefined ? {} : { minScore: query.minScore }),
    });
    // Suggestions name partners a signed-in official asked about: never in a shared cache.
    c.header("cache-control", "private, no-store");
    return serialisedJson<SuggestionList>(c, json);
  });
}
