import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "./migrate.js";

/** How many migrations this build ships (drizzle-kit's journal). */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
  return journal.entries.length;
}
