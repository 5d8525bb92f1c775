import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type EmbeddedCluster, startEmbedded } from "../platform/db/embedded.js";
import { openDatabase } from "../platform/db/index.js";
import { runMigrations } from "../platform/db/migrate.js";

export const TEMPLATE_DB = "outsight_test_template";

/** The server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Starts the test PostgreSQL: the server behind DATABASE_URL when set (CI proves PostgreSQL 15
 * that way), else a throwaway embedded cluster. Builds a migrated template database from which each
 * test file clones its own database in a fraction of a second.
 */
export async function startTestDatabase(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  let cluster: EmbeddedCluster | null = null;
  let dir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "outsight-test-"));
    cluster = await startEmbedded(dir, () => undefined);
    serverUrl = cluster.url;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = openDatabase(withDatabase(serverUrl, TEMPLATE_DB), 1);
  await runMigrations(template.pool);
  await template.close();
  return {
    serverUrl,
    async stop() {
      await cluster?.stop();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh, migrated database for one test file and returns its URL and a drop function. */
export async function cloneTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `outsight_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
