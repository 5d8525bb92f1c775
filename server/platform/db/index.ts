import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.js";

// Return DATE columns as "YYYY-MM-DD" strings, never as local-midnight Date objects.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit comfortably in a JS number for our uses (counts, sequence numbers).
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; services take this so a whole change commits or rolls back together. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type Queryable = Db | Tx;

/** An open connection pool with its Drizzle handle. */
export interface Database {
  /** The connection string, for components that open their own connections (the job runner). */
  url: string;
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/** Opens a pool on `url`. */
export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: "outsight" });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema });
  return { url, pool, db, close: () => pool.end() };
}
