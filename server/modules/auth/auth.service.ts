import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit, systemActor } from "../../platform/audit/audit.service.js";
import { loginAttempts } from "../../platform/auth/auth.tables.js";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { endSession, endUserSessions, startSession } from "../../platform/auth/sessions.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, conflict, invalid } from "../../platform/errors.js";
import { createOrganization } from "../organizations/create-organization.js";
import { organizations } from "../organizations/organizations.tables.js";
import { users } from "../users/users.tables.js";

type Client = { ip: string; userAgent?: string; requestId: string };

/** Sign-up of the installation, sign-in, sign-out and password changes. */
export function createAuthService(ctx: AppContext) {
  const { db } = ctx.database;
  const { config } = ctx;

  return {
    /** True while the installation has no organization yet. */
    async needsSetup(): Promise<boolean> {
      const [row] = await db.select({ n: count() }).from(organizations);
      return row.n === 0;
    },

    /**
     * Creates the first organization and its admin, and signs the admin in. A transaction-level
     * advisory lock makes two simultaneous set-ups impossible: the second sees the first's
     * organization and answers 409.
     */
    async setup(
      input: { organizationName: string; name: string; email: string; password: string },
      client: Client,
    ) {
      if (input.password.toLowerCase() === input.email)
        throw invalid("The password must not be the email", [
          { path: "body.password", message: "Must differ from the email" },
        ]);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('outsight:setup', 0))`);
        const [existing] = await tx.select({ n: count() }).from(organizations);
        if (existing.n > 0) throw conflict("Outsight is already set up; sign in instead", "already_set_up");
        const org = await createOrganization(tx, input.organizationName);
        const [user] = await tx
          .insert(users)
          .values({ orgId: org.id, email: input.email, name: input.name, role: "admin", passwordHash })
          .returning();
        const who = { ...systemActor("setup"), requestId: client.requestId, ip: client.ip };
        await recordAudit(tx, org.id, who, {
          action: "organization.create",
          entityType: "organization",
          entityId: org.id,
          after: { name: org.name },
        });
        await recordAudit(
          tx,
          org.id,
          { ...who, type: "user", id: user.id, name: user.name },
          {
            action: "user.create",
            entityType: "user",
            entityId: user.id,
            after: { name: user.name, email: user.email, role: user.role },
          },
        );
        const token = await startSession(tx, user, config.sessionAbsoluteMs, client);
        return { org, user, token };
      });
    },

    /**
     * Checks credentials. Failures are counted per email and per address in the database (so the
     * limit holds across app instances); past the limit the answer is 429 until the window passes,
     * even for the right password.
     */
    async login(email: string, password: string, client: Client) {
      const since = new Date(Date.now() - config.loginWindowMs);
      const [byEmail] = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(
          and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)),
        );
      const [byIp] = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(
          and(eq(loginAttempts.ip, client.ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)),
        );
      if (byEmail.n >= config.loginMaxFailures || byIp.n >= config.loginMaxFailures * 10) {
        throw new AppError(
          429,
          "too_many_requests",
          "Too many sign-in attempts",
          `Too many failed attempts; try again in ${Math.ceil(config.loginWindowMs / 60_000)} minutes`,
        );
      }
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
      const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && !!user?.active;
      return db.transaction(async (tx) => {
        await tx.insert(loginAttempts).values({ email, ip: client.ip, success: ok });
        if (!ok || !user) {
          if (user) {
            await recordAudit(
              tx,
              user.orgId,
              { type: "user", id: user.id, name: user.name, requestId: client.requestId, ip: client.ip },
              {
                action: "auth.login_failed",
                entityType: "user",
                entityId: user.id,
              },
            );
          }
          return null;
        }
        await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
        await recordAudit(
          tx,
          user.orgId,
          { type: "user", id: user.id, name: user.name, requestId: client.requestId, ip: client.ip },
          {
            action: "auth.login",
            entityType: "user",
            entityId: user.id,
          },
        );
        const token = await startSession(tx, user, config.sessionAbsoluteMs, client);
        return { user, token };
      });
    },

    /** Ends the actor's session. */
    async logout(actor: Actor) {
      if (!actor.sessionId) return;
      await db.transaction(async (tx) => {
        await endSession(tx, actor.sessionId!);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "auth.logout",
          entityType: "user",
          entityId: actor.userId,
        });
      });
    },

    /** Changes the actor's password and ends all their other sessions. */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string) {
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, actor.userId), eq(users.orgId, actor.orgId)));
      if (!(await verifyPassword(user?.passwordHash ?? null, currentPassword))) {
        throw invalid("The current password is wrong", [
          { path: "body.currentPassword", message: "Wrong password" },
        ]);
      }
      if (newPassword.toLowerCase() === user.email.toLowerCase())
        throw invalid("The password must not be the email", [
          { path: "body.newPassword", message: "Must differ from the email" },
        ]);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
          .where(eq(users.id, user.id));
        await endUserSessions(tx, user.id, actor.sessionId);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "user.password_change",
          entityType: "user",
          entityId: user.id,
        });
      });
    },
  };
}
