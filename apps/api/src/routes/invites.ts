import { createRoute } from "@hono/zod-openapi";
import { AcceptInviteInput, CreateInviteInput, Invite, Session } from "@pobratym/core";
import { newRouter, problemResponses } from "../lib/router";
import { assertRole, auditActor, requireRole } from "../middleware/auth";
import { acceptInvite } from "../services/invites/accept-invite";
import { createInvite } from "../services/invites/create-invite";

const createInviteRoute = createRoute({
  method: "post",
  path: "/invites",
  tags: ["access"],
  summary: "Invite a coordinator or an editor (coordinators only)",
  description:
    "The token is returned once; send it to the person. It works once and expires after 7 days.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateInviteInput } } },
  },
  responses: {
    201: {
      description: "The invite, with its one-time token",
      content: { "application/json": { schema: Invite } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const acceptInviteRoute = createRoute({
  method: "post",
  path: "/invites/accept",
  tags: ["access"],
  summary: "Accept an invite: choose a name and password; returns a session",
  request: {
    body: { required: true, content: { "application/json": { schema: AcceptInviteInput } } },
  },
  responses: {
    201: {
      description: "The new user, signed in",
      content: { "application/json": { schema: Session } },
    },
    ...problemResponses(400, 409),
  },
});

/** Invites: coordinators create them; the invited person accepts once. */
export function invitesRouter() {
  return newRouter()
    .openapi(createInviteRoute, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator"]);
      const input = c.req.valid("json");
      const invite = await c.var.db.orm.transaction((tx) =>
        createInvite({
          tx,
          input,
          invitedBy: auditActor(actor),
          now: c.var.clock(),
          requestId: c.var.requestId,
        }),
      );
      c.header("cache-control", "no-store");
      return c.json(invite, 201);
    })
    .openapi(acceptInviteRoute, async (c) => {
      const session = await acceptInvite({
        db: c.var.db.orm,
        input: c.req.valid("json"),
        now: c.var.clock(),
      });
      c.header("cache-control", "no-store");
      return c.json(session, 201);
    });
}
