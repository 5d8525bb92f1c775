import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.js";

/**
 * Runs `work` for every organization, each in its own transaction, oldest organization first. A
 * failing organization does not stop the others (its transaction rolls back alone); the failures
 * are rethrown together at the end so the job fails and pg-boss retries it — harmless, as the
 * scheduled work is idempotent.
 */
export async function forEachOrganization(db: Db, work: (tx: Tx, orgId: string) => Promise<void>) {
  const { rows } = await db.execute<{ id: string }>(
    sql`SELECT id FROM organizations ORDER BY created_at, id`,
  );
  const errors: unknown[] = [];
  for (const { id } of rows) {
    try {
      await db.transaction((tx) => work(tx, id));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new AggregateError(errors, `${errors.length} organizations failed`);
}
