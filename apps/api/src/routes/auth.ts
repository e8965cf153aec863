import { createRoute } from "@hono/zod-openapi";
import { Session, SignInInput, User } from "@pobratym/core";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../deps";
import { UnauthorizedError } from "../errors";
import { newRouter, problemResponses } from "../lib/router";
import { SESSION_COOKIE } from "../middleware/auth";
import { clientAddress, enforceLimit, RateLimiter } from "../middleware/rate-limit";
import { signIn } from "../services/auth/sign-in";
import { signOut } from "../services/auth/sign-out";
import { requireActor } from "../services/context";
import { getUser } from "../services/users/get-user";

/** Failed sign-ins allowed per email and per client address in one window. */
export const SIGN_IN_LIMIT = { failures: 5, windowMs: 15 * 60 * 1000 };

const signInRoute = createRoute({
  method: "post",
  path: "/auth/sign-in",
  tags: ["access"],
  summary: "Sign in with email and password",
  description:
    "Returns a bearer token (also set as the HttpOnly `pobratym_session` cookie for the dashboard). " +
    `After ${SIGN_IN_LIMIT.failures} failures in 15 minutes for one email or one client address, answers 429 with Retry-After.`,
  request: { body: { required: true, content: { "application/json": { schema: SignInInput } } } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: Session } } },
    ...problemResponses(400, 401, 429),
  },
});

const signOutRoute = createRoute({
  method: "post",
  path: "/auth/sign-out",
  tags: ["access"],
  summary: "End the current session",
  security: [{ bearer: [] }],
  responses: { 204: { description: "Signed out (also when the session had already ended)" } },
});

const meRoute = createRoute({
  method: "get",
  path: "/auth/me",
  tags: ["access"],
  summary: "The signed-in user",
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: "The user behind the session",
      content: { "application/json": { schema: z.object({ user: User }) } },
    },
    ...problemResponses(401),
  },
});

function sessionToken(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (header) return /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header)?.[1] ?? null;
  return getCookie(c, SESSION_COOKIE) ?? null;
}

/** Sign-in, sign-out and the current user. Each app gets its own failure counters. */
export function authRouter() {
  const failures = new RateLimiter(SIGN_IN_LIMIT.failures, SIGN_IN_LIMIT.windowMs);
  return newRouter()
    .openapi(signInRoute, async (c) => {
      const { email, password } = c.req.valid("json");
      const keys = [`email:${email.toLowerCase()}`, `ip:${clientAddress(c)}`];
      enforceLimit(c, failures, keys);
      let session: Session;
      try {
        session = await signIn({ ctx: c.var.ctx, email, password });
      } catch (error) {
        for (const k of keys) failures.hit(k, c.var.ctx.now.getTime());
        throw error;
      }
      failures.reset(keys[0] as string);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "Lax",
        // Behind a TLS-terminating proxy the URL says http; the forwarded protocol tells the truth.
        secure:
          new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https",
        path: "/",
        expires: new Date(session.expiresAt),
      });
      c.header("cache-control", "no-store");
      return c.json(session, 200);
    })
    .openapi(signOutRoute, async (c) => {
      const token = sessionToken(c);
      if (token) await signOut({ ctx: c.var.ctx, token });
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => {
      const actor = requireActor(c.var.ctx, "coordinator", "editor");
      const user = await getUser({ ctx: c.var.ctx, id: actor.userId }).catch(() => {
        throw new UnauthorizedError();
      });
      c.header("cache-control", "no-store");
      return c.json({ user }, 200);
    });
}
