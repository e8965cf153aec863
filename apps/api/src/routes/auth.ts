import { createRoute } from "@hono/zod-openapi";
import { Session, SignInInput, User } from "@pobratym/core";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../deps";
import { InvalidCredentialsError, UnauthorizedError } from "../errors";
import { clientAddress, isHttps } from "../lib/public-origin";
import { newRouter, problemResponses } from "../lib/router";
import { SESSION_COOKIE } from "../middleware/auth";
import { SIGN_IN_LIMIT } from "../middleware/rate-limit";
import { signIn } from "../services/auth/sign-in";
import { signOut } from "../services/auth/sign-out";
import { requireActor } from "../services/context";
import { getUser } from "../services/users/get-user";

export { SIGN_IN_LIMIT } from "../middleware/rate-limit";

const signInRoute = createRoute({
  method: "post",
  path: "/auth/sign-in",
  tags: ["access"],
  summary: "Sign in with email and password",
  description:
    "Returns a bearer token (also set as the HttpOnly `pobratym_session` cookie for the dashboard). " +
    `After ${SIGN_IN_LIMIT.failures} failures in 15 minutes for one email from one client address, or ` +
    `${SIGN_IN_LIMIT.perAddress} from one address, answers 429 with Retry-After. An email failing from many ` +
    `addresses is slowed down (at most ${SIGN_IN_LIMIT.maxDelayMs / 1000} s an attempt), never refused.`,
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

/** Sign-in, sign-out and the current user. The failure counters come from Deps (`c.var.limits`). */
export function authRouter() {
  return newRouter()
    .openapi(signInRoute, async (c) => {
      const { email, password } = c.req.valid("json");
      const limits = c.var.limits.signIn;
      const account = email.toLowerCase();
      const address = clientAddress(c);
      await limits.admit(c, account, address);
      let session: Session;
      try {
        session = await signIn({ ctx: c.var.ctx, email, password });
      } catch (error) {
        // Only a wrong email or password is a failure; an outage or a bug is not the caller's.
        if (error instanceof InvalidCredentialsError)
          await limits.failed(account, address, c.var.ctx.now.getTime());
        throw error;
      }
      await limits.succeeded(account, address);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "Lax",
        // Behind a TLS-terminating proxy the URL says http; publicOrigin knows which proxy to believe.
        secure: isHttps(c),
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
