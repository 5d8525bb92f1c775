import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import { expectedMigrationCount } from "../../platform/db/journal.js";
import { isMigrated } from "../../platform/db/migrate.js";
import { typed } from "../../platform/http/typed.js";

const Health = z.object({
  status: z.enum(["ok", "unavailable"]),
  checks: z.record(z.string(), z.boolean()).optional(),
});

/** `/healthz` (the process answers) and `/readyz` (database reachable and fully migrated). */
export function systemRoutes(ctx: AppContext) {
  return async (base: FastifyInstance) => {
    const app = typed(base);
    app.get("/healthz", { schema: { tags: ["system"], response: { 200: Health } } }, async () => ({
      status: "ok" as const,
    }));
    app.get(
      "/readyz",
      { schema: { tags: ["system"], response: { 200: Health, 503: Health } } },
      async (_req, reply) => {
        const database = await ctx.database.pool
          .query("SELECT 1")
          .then(() => true)
          .catch(() => false);
        const migrated = database && (await isMigrated(ctx.database.pool, expectedMigrationCount()));
        const ok = database && migrated;
        return reply
          .code(ok ? 200 : 503)
          .send({ status: ok ? "ok" : "unavailable", checks: { database, migrated } });
      },
    );
  };
}
