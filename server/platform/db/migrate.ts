import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

/** Arbitrary constant naming Outsight's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 7_314_159_265;

/**
 * Applies pending migrations while holding a session-level advisory lock, so several app
 * instances starting together against one database migrate exactly once: the others wait, then
 * find nothing left to do.
 */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** True when every migration shipped with this build has been applied (used by /readyz). */
export async function isMigrated(pool: pg.Pool, expected: number): Promise<boolean> {
  const r = await pool
    .query<{ n: number }>("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")
    .catch(() => ({ rows: [{ n: -1 }] }));
  return r.rows[0].n >= expected;
}
