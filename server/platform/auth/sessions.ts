import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "../db/index.js";
import { sessions } from "./auth.tables.js";
import { digest, newSecret } from "./tokens.js";

/** Starts a session for a user and returns the cookie value (only its hash is stored). */
export async function startSession(
  db: Queryable,
  user: { id: string; orgId: string },
  absoluteMs: number,
  client: { ip: string; userAgent?: string },
): Promise<string> {
  const token = newSecret();
  await db.insert(sessions).values({
    id: digest(token),
    orgId: user.orgId,
    userId: user.id,
    expiresAt: new Date(Date.now() + absoluteMs),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Ends one session by its stored id. */
export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, optionally keeping one (the session that changed the password). */
export async function endUserSessions(
  db: Queryable,
  userId: string,
  keepSessionId?: string | null,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    );
}
