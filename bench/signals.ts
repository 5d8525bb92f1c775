import type { EvaluationResult } from "../domain/signals/api.js";
import { loadSignalFacts } from "../server/modules/signals/signals.facts.js";
import { reevaluateSignals } from "../server/modules/signals/signals.reevaluate.js";
import { systemActor } from "../server/platform/audit/audit.service.js";
import { openDatabase } from "../server/platform/db/index.js";
import { ms, summarize, table, verdict, withBenchServer } from "./lib.js";
import { seedSignals } from "./signals-seed.js";

const GOAL_MS = 10_000;

export interface SignalsBenchOptions {
  partners: number;
}

/**
 * Signals benchmark: a real server on embedded PostgreSQL (or a scratch database on
 * DATABASE_URL) with `partners` partners (3 services, 1–2 sites each). A full re-evaluation
 * through `POST /api/v1/risk-signals/evaluate` (first run: every signal raised and audited), next
 * to baselines from the same run: loading the facts alone, and a second evaluation with nothing
 * changed; plus what one partner edit pays for its partner-scoped re-evaluation.
 */
export function signalsBench(opts: SignalsBenchOptions): Promise<{ ok: boolean; report: string }> {
  return withBenchServer("signals", async ({ server, dbUrl: url, client, cookie, orgId, databaseLabel }) => {
    let database: ReturnType<typeof openDatabase> | null = null;
    try {
      const seedStarted = performance.now();
      const seeded = await seedSignals(client, orgId, opts.partners);
      const seedMs = performance.now() - seedStarted;

      database = openDatabase(url, 2);
      const { db } = database;
      const loadTimes: number[] = [];
      let facts = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const f = await db.transaction((tx) => loadSignalFacts(tx, orgId, "all"));
        loadTimes.push(performance.now() - t);
        facts = f.partners.length;
      }

      const evaluate = async () => {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/v1/risk-signals/evaluate`, {
          method: "POST",
          headers: { cookie },
        });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`evaluate → ${res.status} ${body.slice(0, 300)}`);
        return { wall: performance.now() - t, ...(JSON.parse(body) as EvaluationResult) };
      };
      const first = await evaluate();
      const second = await evaluate();

      const { rows } = await client.query<{ id: string }>(
        "SELECT id FROM partners WHERE org_id = $1 ORDER BY name LIMIT 20",
        [orgId],
      );
      const scoped: number[] = [];
      for (const { id } of rows) {
        const t = performance.now();
        await db.transaction((tx) =>
          reevaluateSignals(tx, orgId, systemActor("bench"), { partnerIds: [id] }),
        );
        scoped.push(performance.now() - t);
      }
      const scopedStats = summarize(scoped);
      const counts = await client.query<{ rule: string; n: number }>(
        "SELECT rule, count(*)::int AS n FROM risk_signals WHERE org_id = $1 GROUP BY rule ORDER BY rule",
        [orgId],
      );
      const ok = first.wall < GOAL_MS;
      return {
        ok,
        report: [
          `data: ${seeded.partners} partners, ${seeded.services} services, ${seeded.sites} sites, ${seeded.links} sub-contractor links, ` +
            `2 sites of ours (inserted by SQL in ${ms(seedMs)}), on ${databaseLabel}`,
          `signals after the first run: ${counts.rows.map((r) => `${r.rule} ${r.n}`).join(", ")}`,
          "",
          table(
            ["full re-evaluation (scope all)", "wall", "server", "raised", "unchanged", "goal"],
            [
              [
                "baseline: load the facts only (in-process, median of 3)",
                ms(summarize(loadTimes).p50),
                "",
                `${facts} partners`,
                "",
                "",
              ],
              [
                "POST /risk-signals/evaluate, first run (all raised + audited)",
                ms(first.wall),
                ms(first.durationMs),
                String(first.raised),
                String(first.unchanged),
                verdict(ok),
              ],
              [
                "baseline: POST /risk-signals/evaluate, nothing changed",
                ms(second.wall),
                ms(second.durationMs),
                String(second.raised),
                String(second.unchanged),
                "",
              ],
            ],
          ),
          "",
          `one partner edit's re-evaluation (scope one partner, includes the organization-wide concentration rule), ` +
            `${scoped.length} runs in-process: p50 ${ms(scopedStats.p50)}, p95 ${ms(scopedStats.p95)}, max ${ms(scopedStats.max)}`,
          `phases of the first run (ms): ${JSON.stringify(first.phasesMs)}`,
          `phases with nothing changed (ms): ${JSON.stringify(second.phasesMs)}`,
          `goal: a full re-evaluation over ${opts.partners} partners in under ${GOAL_MS / 1000} s (wall time of the first run).`,
        ].join("\n"),
      };
    } finally {
      await database?.close().catch(() => undefined);
    }
  });
}
