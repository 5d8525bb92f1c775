import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { grantableTokenRoles, type StaffRole } from "../../../domain/roles.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import { apiTokens } from "../../platform/auth/auth.tables.js";
import { digest, newSecret } from "../../platform/auth/tokens.js";
import type { AppContext } from "../../platform/context.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { iso } from "../../platform/http/present.js";
import { users } from "../users/users.tables.js";
import { apiTokenPolicy } from "./api-tokens.policy.js";

type Row = { token: typeof apiTokens.$inferSelect; creator: { id: string; name: string } };

/** Whitelisted token fields; the secret itself is never shown again after creation. */
function presentToken({ token, creator }: Row) {
  return {
    id: token.id,
    name: token.name,
    role: token.role as StaffRole,
    prefix: token.prefix,
    createdBy: creator,
    createdAt: token.createdAt.toISOString(),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    revokedAt: iso(token.revokedAt),
  };
}

/** API tokens: created for integrations, shown once, stored hashed, revocable. */
export function createApiTokenService(ctx: AppContext) {
  const { db } = ctx.database;
  const select = () =>
    db
      .select({ token: apiTokens, creator: { id: users.id, name: users.name } })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId));
  /** Admins see all of the organization's tokens, others only their own. */
  const visible = (actor: Actor): SQL =>
    apiTokenPolicy.manageAll(actor)
      ? eq(apiTokens.orgId, actor.orgId)
      : and(eq(apiTokens.orgId, actor.orgId), eq(apiTokens.userId, actor.userId))!;

  return {
    async list(actor: Actor, q: { limit: number; cursor?: string }) {
      const where = [visible(actor)];
      if (q.cursor) {
        const c = decodeCursor(q.cursor);
        where.push(
          sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (${String(c.value)}::timestamptz, ${c.id}::uuid)`,
        );
      }
      const rows = await select()
        .where(and(...where))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map(presentToken),
        nextCursor:
          rows.length > q.limit && last
            ? encodeCursor(last.token.createdAt.toISOString(), last.token.id)
            : null,
      };
    },

    /** Creates a token no more powerful than its creator; the returned `token` is shown once. */
    async create(actor: Actor, input: { name: string; role: StaffRole; expiresInDays?: number }) {
      if (actor.kind === "token") throw forbidden("API tokens cannot create further tokens");
      if (!grantableTokenRoles(actor.role).includes(input.role))
        throw forbidden(`A ${actor.role} cannot create a token with the ${input.role} role`);
      const secret = newSecret("ost_");
      return db.transaction(async (tx) => {
        const [token] = await tx
          .insert(apiTokens)
          .values({
            orgId: actor.orgId,
            userId: actor.userId,
            name: input.name,
            role: input.role,
            tokenHash: digest(secret),
            prefix: secret.slice(0, 10),
            expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
          })
          .returning();
        const presented = presentToken({ token, creator: { id: actor.userId, name: actor.name } });
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "api_token.create",
          entityType: "api_token",
          entityId: token.id,
          after: presented,
        });
        return { ...presented, token: secret };
      });
    },

    async revoke(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(apiTokens)
          .where(and(eq(apiTokens.id, id), visible(actor), isNull(apiTokens.revokedAt)))
          .for("update");
        if (!before) throw notFound("API token");
        await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "api_token.revoke",
          entityType: "api_token",
          entityId: id,
          before: { name: before.name, role: before.role },
        });
      });
    },
  };
}
