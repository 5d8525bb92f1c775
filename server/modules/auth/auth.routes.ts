import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ChangePasswordBody, LoginBody, Me, SetupBody, SetupStatus } from "../../../domain/auth.js";
import { authorize, guard, type Rule } from "../../platform/access.js";
import { SESSION_COOKIE } from "../../platform/auth/actor.plugin.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { organizations } from "../organizations/organizations.tables.js";
import { allAbilities } from "../policies.js";
import { createAuthService } from "./auth.service.js";

const anyone: Rule = () => true;
/** Password changes need a person signed in, not an API token. */
const signedInUser: Rule = (a) => a.kind === "user";

/** Sets the HttpOnly session cookie; `Secure` follows COOKIE_SECURE (auto: when served over HTTPS). */
export function setSessionCookie(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, token: string) {
  const secure =
    ctx.config.cookieSecure === "auto" ? req.protocol === "https" : ctx.config.cookieSecure === "true";
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
  });
}

const client = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers["user-agent"],
  requestId: req.id,
});

/** Installation set-up, sign-in, sign-out, the current identity and password change. */
export function authRoutes(ctx: AppContext) {
  const auth = createAuthService(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["auth"];

    app.get(
      "/api/v1/setup",
      {
        schema: {
          tags,
          summary: "Whether the installation still needs set-up",
          response: { 200: SetupStatus },
        },
      },
      async () => ({
        needsSetup: await auth.needsSetup(),
      }),
    );

    app.post(
      "/api/v1/setup",
      {
        schema: {
          tags,
          summary: "Create the organization and its first admin (only once)",
          body: SetupBody,
          response: { 201: Me, ...problems(400, 409, 422) },
        },
      },
      async (req, reply) => {
        const { org, user, token } = await auth.setup(req.body, client(req));
        setSessionCookie(ctx, req, reply, token);
        reply.code(201);
        return {
          user: { id: user.id, name: user.name, email: user.email, role: "admin" as const, partnerId: null },
          organization: { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() },
          via: "session" as const,
          limits: { documentMaxBytes: ctx.config.documentMaxBytes },
          abilities: allAbilities({
            kind: "user",
            orgId: org.id,
            userId: user.id,
            name: user.name,
            email: user.email,
            role: "admin",
            partnerId: null,
            sessionId: null,
            tokenId: null,
            requestId: req.id,
            ip: req.ip,
          }),
        };
      },
    );

    app.post(
      "/api/v1/auth/login",
      {
        schema: {
          tags,
          summary: "Sign in; sets the session cookie",
          body: LoginBody,
          response: { 200: Me.pick({ user: true }), ...problems(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const result = await auth.login(req.body.email, req.body.password, client(req));
        if (!result)
          throw new AppError(401, "invalid_credentials", "Sign-in failed", "Wrong email or password");
        setSessionCookie(ctx, req, reply, result.token);
        const u = result.user;
        return {
          user: { id: u.id, name: u.name, email: u.email, role: u.role as "admin", partnerId: u.partnerId },
        };
      },
    );

    app.post(
      "/api/v1/auth/logout",
      { schema: { tags, summary: "Sign out", response: { 204: NoContent, ...problems(401) } } },
      async (req, reply) => {
        const actor = authorize(req.actor, anyone);
        await auth.logout(actor);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/v1/me",
      {
        schema: {
          tags,
          summary: "The signed-in user, organization and abilities",
          response: { 200: Me, ...problems(401) },
        },
      },
      async (req) => {
        const actor = authorize(req.actor, anyone);
        const [org] = await ctx.database.db
          .select()
          .from(organizations)
          .where(eq(organizations.id, actor.orgId));
        return {
          user: {
            id: actor.userId,
            name: actor.name,
            email: actor.email,
            role: actor.role,
            partnerId: actor.partnerId,
          },
          organization: { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() },
          via: actor.kind === "token" ? ("token" as const) : ("session" as const),
          abilities: allAbilities(actor),
          limits: { documentMaxBytes: ctx.config.documentMaxBytes },
        };
      },
    );

    app.post(
      "/api/v1/me/password",
      {
        preValidation: guard(signedInUser),
        schema: {
          tags,
          summary: "Change your password; ends your other sessions",
          body: ChangePasswordBody,
          response: { 204: NoContent, ...problems(400, 401, 403, 422) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, signedInUser);
        await auth.changePassword(actor, req.body.currentPassword, req.body.newPassword);
        return reply.code(204).send(null);
      },
    );
  };
}
