import { createRoute } from "@hono/zod-openapi";
import { Id, User } from "@pobratym/core";
import { z } from "zod";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { disableUser } from "../services/users/disable-user";
import { listUsers } from "../services/users/list-users";

const listRoute = createRoute({
  method: "get",
  path: "/users",
  tags: ["access"],
  summary: "Every user (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  responses: {
    200: {
      description: "The users",
      content: { "application/json": { schema: z.object({ items: z.array(User) }) } },
    },
    ...problemResponses(401, 403),
  },
});

const disableRoute = createRoute({
  method: "post",
  path: "/users/{id}/disable",
  tags: ["access"],
  summary: "Disable a user and end their sessions (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params: z.object({ id: Id }) },
  responses: {
    200: { description: "The disabled user", content: { "application/json": { schema: User } } },
    ...problemResponses(401, 403, 404, 409),
  },
});

/** User administration for coordinators. */
export function usersRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      return c.json({ items: await listUsers({ ctx: c.var.ctx }) }, 200);
    })
    .openapi(disableRoute, async (c) => {
      const user = await disableUser({ ctx: c.var.ctx, id: c.req.valid("param").id });
      return c.json(user, 200);
    });
}
