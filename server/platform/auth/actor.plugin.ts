import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Role } from "../../../domain/roles.js";
import { users } from "../../modules/users/users.tables.js";
import type { Actor } from "../access.js";
import type { AppContext } from "../context.js";
import { apiTokens, sessions } from "./auth.tables.js";
import { digest } from "./tokens.js";

export const SESSION_COOKIE = "outsight_session";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated actor, or null for anonymous requests. */
    actor: Actor | null;
  }
}

// Touching last_seen / last_used on every request would turn each read into a write; once a
// minute is plenty for idle expiry and for showing "last used".
const TOUCH_AFTER_MS = 60_000;

type UserRow = typeof users.$inferSelect;

/** The actor for a user, acting through a session or a token (whose name and role then apply). */
function toActor(
  req: FastifyRequest,
  user: UserRow,
  via: Pick<Actor, "kind" | "name" | "role" | "sessionId" | "tokenId">,
): Actor {
  return {
    ...via,
    orgId: user.orgId,
    userId: user.id,
    email: user.email,
    partnerId: user.partnerId,
    requestId: req.id,
    ip: req.ip,
  };
}

async function fromToken(ctx: AppContext, req: FastifyRequest, token: string): Promise<Actor | null> {
  const { db } = ctx.database;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, digest(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id));
  }
  return toActor(req, row.user, {
    kind: "token",
    name: row.token.name,
    role: row.token.role as Role,
    sessionId: null,
    tokenId: row.token.id,
  });
}

async function fromSession(ctx: AppContext, req: FastifyRequest, token: string): Promise<Actor | null> {
  const { db } = ctx.database;
  const idleCutoff = new Date(Date.now() - ctx.config.sessionIdleMs);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, digest(token)),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleCutoff),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.session.id));
  }
  return toActor(req, row.user, {
    kind: "user",
    name: row.user.name,
    role: row.user.role as Role,
    sessionId: row.session.id,
    tokenId: null,
  });
}

/**
 * Resolves `req.actor` from `Authorization: Bearer <token>` or the session cookie. A presented but
 * invalid credential leaves the request anonymous; routes then answer 401.
 */
export const actorPlugin = fp(async (app: FastifyInstance, ctx: AppContext) => {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const auth = req.headers.authorization;
    if (auth?.toLowerCase().startsWith("bearer ")) {
      req.actor = await fromToken(ctx, req, auth.slice(7).trim());
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.actor = await fromSession(ctx, req, cookie);
  });
});
