import { createRoute } from "@hono/zod-openapi";
import { AcceptInviteInput, CreateInviteInput, Invite, Session } from "@pobratym/core";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { requireActor } from "../services/context";
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
      // createInvite also runs outside requests (the CLI), so the inviter's role is checked here.
      requireActor(c.var.ctx, "coordinator");
      const invite = await createInvite({ ctx: c.var.ctx, input: c.req.valid("json") });
      c.header("cache-control", "no-store");
      return c.json(invite, 201);
    })
    .openapi(acceptInviteRoute, async (c) => {
      const session = await acceptInvite({ ctx: c.var.ctx, input: c.req.valid("json") });
      c.header("cache-control", "no-store");
      return c.json(session, 201);
    });
}
