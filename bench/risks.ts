import { sql } from "drizzle-orm";
import type pg from "pg";
import { ListRisksQuery } from "../domain/risks.js";
import { refreshPartnerRisk } from "../server/modules/risks/partner-risk.js";
import { createRiskService } from "../server/modules/risks/risks.service.js";
import type { Actor } from "../server/platform/access.js";
import {
  captureServiceSql,
  capturingDatabase,
  ms,
  summarize,
  table,
  timeGets,
  verdict,
  withBenchServer,
} from "./lib.js";
import { seed } from "./partners-seed.js";

const P95_GOAL_MS = 100;
const REFRESH_GOAL_MS = 2000;

export interface RisksBenchOptions {
  risks: number;
  partners: number;
  requests: number;
  warmup: number;
  explain: boolean;
}

/**
 * Inserts `n` risks in one statement: spread over the organization's partners (one in ten
 * organization-wide), its twelve categories, every inherent rating, residual ratings at or below
 * them, all four statuses and treatments, and review dates around today; then VACUUM ANALYZE.
 */
export async function seedRisks(client: pg.Client, orgId: string, n: number) {
  await client.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM partners WHERE org_id = $1::uuid),
          pc AS (SELECT count(*) AS n FROM p),
          c AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM risk_categories WHERE org_id = $1::uuid),
          g AS (SELECT i, 1 + abs(hashtext(i || 'l')) % 5 AS il, 1 + abs(hashtext(i || 'i')) % 5 AS ii
                  FROM generate_series(0, $2::int - 1) AS i)
     INSERT INTO risks (org_id, title, description, category_id, partner_id, inherent_likelihood, inherent_impact,
                        residual_likelihood, residual_impact, treatment, status, review_interval_days, next_review_date,
                        created_at, updated_at)
     SELECT $1::uuid, 'Risk ' || lpad(g.i::text, 6, '0') || ' ' || (ARRAY['data leak', 'delay', 'outage', 'turnover', 'breach'])[1 + g.i % 5],
            'Benchmark risk', c.id, CASE WHEN g.i % 10 = 0 THEN NULL ELSE p.id END,
            g.il, g.ii, 1 + abs(hashtext(g.i || 'rl')) % g.il, 1 + abs(hashtext(g.i || 'ri')) % g.ii,
            (ARRAY['mitigate', 'accept', 'transfer', 'avoid'])[1 + g.i % 4],
            (ARRAY['open', 'in_treatment', 'open', 'closed', 'accepted'])[1 + (g.i * 13) % 5],
            90, current_date + ((g.i * 37) % 400 - 100),
            now() - (g.i % 1000) * interval '1 hour', now() - (g.i % 500) * interval '1 hour'
       FROM g
       JOIN pc ON true
       JOIN p ON p.k = g.i % pc.n
       JOIN c ON c.k = g.i % 12`,
    [orgId, n],
  );
  // As autovacuum would after the inserts: statistics, and the visibility map the heat map's
  // index-only scan relies on.
  await client.query("VACUUM ANALYZE risks");
  const r = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM risks WHERE org_id = $1", [
    orgId,
  ]);
  return r.rows[0].n;
}

/** The SQL the register service issues for a list query. */
function captureListSql(url: string, actor: Actor, query: string) {
  return captureServiceSql(url, /from "risks"/i, (deps) =>
    createRiskService(deps).list(actor, ListRisksQuery.parse(Object.fromEntries(new URLSearchParams(query)))),
  );
}

/**
 * Times `refreshPartnerRisk(…, "all")` over every partner, each run rolled back after resetting
 * the cache (so every row is written, as after a settings change); with `explain`, the plan too.
 */
async function timeRefresh(url: string, orgId: string, explain: boolean) {
  const { captured, pool, db } = capturingDatabase(url);
  const times: number[] = [];
  const steady: number[] = [];
  let plan: string[] = [];
  const rollback = new Error("rollback");
  try {
    for (let i = 0; i < 5; i++) {
      await db
        .transaction(async (tx) => {
          await tx.execute(sql`UPDATE partners SET risk_score = 0, risk_tier = 4 WHERE org_id = ${orgId}`);
          const t = performance.now();
          await refreshPartnerRisk(tx, orgId, "all");
          times.push(performance.now() - t);
          throw rollback;
        })
        .catch((e) => {
          if (e !== rollback) throw e;
        });
    }
    // Steady state: the cache is current, so the statement computes every tier and writes none.
    await db.transaction((tx) => refreshPartnerRisk(tx, orgId, "all"));
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await db.transaction((tx) => refreshPartnerRisk(tx, orgId, "all"));
      steady.push(performance.now() - t);
    }
    if (explain) {
      const update = captured.findLast((c) => /UPDATE "partners" AS t/.test(c.text));
      if (update) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const r = await client.query({
            text: `EXPLAIN (ANALYZE, BUFFERS) ${update.text}`,
            values: update.values,
          });
          plan = r.rows.map((row) => row["QUERY PLAN"]);
        } finally {
          await client.query("ROLLBACK");
          client.release();
        }
      }
    }
  } finally {
    await pool.end();
  }
  return { times: summarize(times), steady: summarize(steady), plan };
}

/**
 * `npm run bench -- --only risks`: the heat map and the register's first page at 50,000 risks,
 * next to a session-lookup baseline measured in the same run, plus the partner-tier refresh.
 */
export function risksBench(opts: RisksBenchOptions) {
  return withBenchServer("risks", async ({ server, dbUrl, client, cookie, orgId, actor, databaseLabel }) => {
    const seedStarted = performance.now();
    const partners = (await seed(client, orgId, opts.partners)).partners;
    const risks = await seedRisks(client, orgId, opts.risks);
    const seedMs = performance.now() - seedStarted;
    const refresh = await timeRefresh(dbUrl, orgId, opts.explain);

    const baseline = await timeGets(`${server.url}/api/v1/me`, { cookie }, opts);
    const queries: [string, string][] = [
      ["GET /risks/heatmap", "/api/v1/risks/heatmap"],
      ["GET /risks (default: -residualScore)", "/api/v1/risks"],
      ["GET /risks?level=high&sort=title", "/api/v1/risks?level=high&sort=title"],
      ["GET /risks?status=open&sort=-nextReviewDate", "/api/v1/risks?status=open&sort=-nextReviewDate"],
      ["GET /risks?reviewOverdue=true&sort=-updatedAt", "/api/v1/risks?reviewOverdue=true&sort=-updatedAt"],
    ];
    let ok = refresh.times.p95 < REFRESH_GOAL_MS && refresh.steady.p95 < REFRESH_GOAL_MS;
    const rows: string[][] = [
      [
        "baseline: GET /api/v1/me",
        ms(baseline.times.p50),
        ms(baseline.times.p95),
        ms(baseline.times.max),
        "",
      ],
    ];
    const plans: string[] = [];
    for (const [label, url] of queries) {
      const { times } = await timeGets(`${server.url}${url}`, { cookie }, opts);
      const pass = times.p95 < P95_GOAL_MS;
      ok &&= pass;
      rows.push([label, ms(times.p50), ms(times.p95), ms(times.max), verdict(pass)]);
      if (opts.explain && url.includes("heatmap")) {
        const plan = await client.query(
          `EXPLAIN (ANALYZE, BUFFERS) SELECT inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, count(*)
             FROM risks WHERE org_id = $1 AND status <> 'closed' GROUP BY 1, 2, 3, 4`,
          [orgId],
        );
        plans.push(`-- ${label} (the statement's shape)`, ...plan.rows.map((r) => r["QUERY PLAN"]), "");
      } else if (opts.explain) {
        const sql = await captureListSql(dbUrl, actor, url.split("?")[1] ?? "");
        const plan = await client.query({
          text: `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
          values: sql.values,
        });
        plans.push(`-- ${label}`, ...plan.rows.map((r) => r["QUERY PLAN"]), "");
      }
    }
    rows.push([
      `refreshPartnerRisk(all), ${partners} partners, none changed`,
      ms(refresh.steady.p50),
      ms(refresh.steady.p95),
      ms(refresh.steady.max),
      verdict(refresh.steady.p95 < REFRESH_GOAL_MS),
    ]);
    rows.push([
      `refreshPartnerRisk(all), ${partners} partners, all rewritten`,
      ms(refresh.times.p50),
      ms(refresh.times.p95),
      ms(refresh.times.max),
      verdict(refresh.times.p95 < REFRESH_GOAL_MS),
    ]);
    const lines = [
      `data: ${risks} risks over ${partners} partners and 12 categories (inserted by SQL in ${ms(seedMs)}); ` +
        `${opts.requests} sequential requests each after ${opts.warmup} warm-up, on ${databaseLabel}`,
      "",
      table(["request", "p50", "p95", "max", "goal"], rows),
      `goals: HTTP p95 < ${P95_GOAL_MS} ms for the heat map and the register's first page; ` +
        `the tier refresh of every partner < ${REFRESH_GOAL_MS} ms (5 runs each; "all rewritten" resets the cache first and rolls back).`,
    ];
    if (refresh.plan.length) plans.push("-- refreshPartnerRisk(all)", ...refresh.plan, "");
    if (plans.length) lines.push("", "Query plans (EXPLAIN ANALYZE of the captured SQL):", ...plans);
    return { ok, report: lines.join("\n") };
  });
}
