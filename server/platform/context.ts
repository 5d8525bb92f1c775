import type { Config } from "./config.js";
import type { Database } from "./db/index.js";

/** What every module needs from the running process: configuration and the database. */
export interface AppContext {
  config: Config;
  database: Database;
}
