import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { CreateUser, User } from "../../../domain/auth.js";
import type { StaffRole } from "../../../domain/roles.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { endUserSessions } from "../../platform/auth/sessions.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { decodeCursor, encodeCursor } from "../../platform/http/cursor.js";
import { iso } from "../../platform/http/present.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "./users.tables.js";

type UserRow = typeof users.$inferSelect;

/**
 * Whitelists the fields of a user the API may show (never the password hash); `partnerName` is
 * the name of a portal user's partner (the callers join it).
 */
export function presentUser(u: UserRow, partnerName: string | null = null): User {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as User["role"],
    partnerId: u.partnerId,
    partner: u.partnerId ? { id: u.partnerId, name: partnerName ?? "" } : null,
    active: u.active,
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
  };
}

/** The audit action naming what a user update did: the most significant change wins. */
function userChangeAction(before: UserRow, patch: { role?: string; active?: boolean }): string {
  if (patch.role && patch.role !== before.role) return "user.role_change";
  if (patch.active === false && before.active) return "user.deactivate";
  if (patch.active === true && !before.active) return "user.reactivate";
  return "user.update";
}

/** User administration within one organization. */
export function createUserService(ctx: AppContext) {
  const { db } = ctx.database;

  /** Users with their partner's name (portal users), as `presentUser` wants them. */
  const selectUsers = (q: Queryable) =>
    q
      .select({ user: users, partnerName: partners.name })
      .from(users)
      .leftJoin(partners, eq(partners.id, users.partnerId));

  async function get(actor: Actor, id: string): Promise<User> {
    const [r] = await selectUsers(db).where(and(eq(users.id, id), eq(users.orgId, actor.orgId)));
    if (!r) throw notFound("User");
    return presentUser(r.user, r.partnerName);
  }

  /** Refuses a change that would leave the organization without an active admin. */
  async function assertAdminRemains(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], orgId: string) {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, "admin"), eq(users.active, true)));
    if (row.n === 0) throw conflict("The organization must keep at least one active administrator");
  }

  return {
    get,

    async list(
      actor: Actor,
      q: { q?: string; role?: string; active?: "true" | "false"; limit: number; cursor?: string },
    ) {
      const where: SQL[] = [eq(users.orgId, actor.orgId)];
      if (q.q)
        where.push(
          or(
            ilike(users.name, `%${q.q}%`),
            ilike(users.email, `%${q.q}%`),
            ilike(partners.name, `%${q.q}%`),
          )!,
        );
      if (q.role) where.push(eq(users.role, q.role));
      if (q.active) where.push(eq(users.active, q.active === "true"));
      if (q.cursor) {
        const c = decodeCursor(q.cursor);
        where.push(sql`(${users.name}, ${users.id}) > (${String(c.value)}, ${c.id}::uuid)`);
      }
      const rows = await selectUsers(db)
        .where(and(...where))
        .orderBy(asc(users.name), asc(users.id))
        .limit(q.limit + 1);
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      const last = items.at(-1)?.user;
      return {
        items: items.map((r) => presentUser(r.user, r.partnerName)),
        nextCursor: more && last ? encodeCursor(last.name, last.id) : null,
      };
    },

    /**
     * Creates a staff user, or a partner (portal) user scoped to a partner of the organization
     * (404 otherwise): the way to add partner users where no mail server can carry invitations.
     */
    async create(actor: Actor, input: CreateUser) {
      if (input.password.toLowerCase() === input.email)
        throw invalid("The password must not be the email", [
          { path: "body.password", message: "Must differ from the email" },
        ]);
      const partnerId = input.role === "partner" ? input.partnerId : null;
      let partnerName: string | null = null;
      if (partnerId) {
        const [p] = await db
          .select({ name: partners.name })
          .from(partners)
          .where(and(eq(partners.id, partnerId), eq(partners.orgId, actor.orgId)));
        if (!p) throw notFound("Partner");
        partnerName = p.name;
      }
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          const [u] = await tx
            .insert(users)
            .values({
              orgId: actor.orgId,
              name: input.name,
              email: input.email,
              role: input.role,
              partnerId,
              passwordHash,
            })
            .returning();
          await recordAudit(tx, actor.orgId, auditActorOf(actor), {
            action: "user.create",
            entityType: "user",
            entityId: u.id,
            relatedIds: partnerId ? [partnerId] : undefined,
            after: presentUser(u, partnerName),
          });
          return presentUser(u, partnerName);
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw conflict("A user with this email already exists", "conflict", [
            { path: "body.email", message: "Already used by another account" },
          ]);
        throw e;
      }
    },

    /** Changes name, role or active flag; deactivation and role changes end the user's sessions. */
    async update(actor: Actor, id: string, patch: { name?: string; role?: StaffRole; active?: boolean }) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(users)
          .where(and(eq(users.id, id), eq(users.orgId, actor.orgId)))
          .for("update");
        if (!before) throw notFound("User");
        if (before.role === "partner" && patch.role)
          throw invalid("Partner users keep the partner role", [
            { path: "body.role", message: "Cannot change a partner user's role" },
          ]);
        const [after] = await tx
          .update(users)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(users.id, id))
          .returning();
        await assertAdminRemains(tx, actor.orgId);
        if (patch.active === false || (patch.role && patch.role !== before.role))
          await endUserSessions(tx, id);
        const action = userChangeAction(before, patch);
        const [partner] = before.partnerId
          ? await tx.select({ name: partners.name }).from(partners).where(eq(partners.id, before.partnerId))
          : [];
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action,
          entityType: "user",
          entityId: id,
          before: presentUser(before, partner?.name),
          after: presentUser(after, partner?.name),
        });
        return presentUser(after, partner?.name);
      });
    },
  };
}
