import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { type EmbeddedCluster, startEmbedded } from "./db/embedded.js";
import { openDatabase } from "./db/index.js";
import { runMigrations } from "./db/migrate.js";

/** A started database (embedded or external), migrated, with a way to shut everything down. */
export interface Runtime extends AppContext {
  embedded: EmbeddedCluster | null;
  shutdown(): Promise<void>;
}

/**
 * Opens the database named by DATABASE_URL, or starts the embedded PostgreSQL under the data
 * directory, then applies pending migrations under the advisory lock.
 */
export async function openRuntime(
  config: Config,
  log: (msg: string) => void = () => undefined,
): Promise<Runtime> {
  const embedded = config.databaseUrl ? null : await startEmbedded(config.dataDir, log);
  const database = openDatabase(config.databaseUrl ?? embedded!.url);
  try {
    await runMigrations(database.pool);
  } catch (e) {
    await database.close();
    await embedded?.stop();
    throw e;
  }
  let closed = false;
  return {
    config,
    database,
    embedded,
    async shutdown() {
      if (closed) return;
      closed = true;
      await database.close();
      await embedded?.stop();
    },
  };
}
