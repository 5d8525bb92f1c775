import type pg from "pg";
import { ListPartnersQuery } from "../domain/partners.js";
import type { ServerProcess } from "../e2e/support/server.js";
import { createPartnerService } from "../server/modules/partners/partners.service.js";
import type { Actor } from "../server/platform/access.js";
import {
  type CapturedSql,
  captureServiceSql,
  ms,
  summarize,
  table,
  timeGets,
  verdict,
  withBenchServer,
} from "./lib.js";
import { seed } from "./partners-seed.js";

const P95_GOAL_MS = 50;
const RATIO_GOAL = 3;

export interface PartnersListOptions {
  partners: number;
  requests: number;
  warmup: number;
  /** Print each query's EXPLAIN ANALYZE plan. */
  explain: boolean;
  /** Seconds of the concurrent throughput run (0 to skip). */
  concurrentSeconds: number;
  concurrency: number;
}

/** A query string as Fastify parses it: repeated keys become arrays. */
function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * The exact SQL the partner service issues for a list query, captured by running the real
 * service once, so "direct pg" runs the same statement the server does.
 */
function captureListSql(url: string, actor: Actor, query: string): Promise<CapturedSql> {
  return captureServiceSql(url, /from "partners"/i, (deps) =>
    createPartnerService(deps).list(actor, ListPartnersQuery.parse(parseQuery(query))),
  );
}

interface QueryResult {
  label: string;
  rows: number;
  http: ReturnType<typeof summarize>;
  direct: ReturnType<typeof summarize>;
}

/** Sequential HTTP requests and direct pg queries, interleaved so both see the same machine state. */
async function measure(
  server: ServerProcess,
  cookie: string,
  client: pg.Client,
  query: string,
  sql: CapturedSql,
  opts: PartnersListOptions,
): Promise<Omit<QueryResult, "label">> {
  const url = `${server.url}/api/v1/partners?${query}`;
  const headers = { cookie };
  const http: number[] = [];
  const direct: number[] = [];
  let rows = -1;
  let directRows = -1;
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    let t = performance.now();
    const res = await fetch(url, { headers });
    const body = (await res.json()) as { items: unknown[] };
    const httpMs = performance.now() - t;
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${JSON.stringify(body)}`);
    rows = body.items.length;
    t = performance.now();
    const r = await client.query({ text: sql.text, values: sql.values, rowMode: "array" });
    const directMs = performance.now() - t;
    directRows = r.rowCount ?? r.rows.length;
    if (i >= opts.warmup) {
      http.push(httpMs);
      direct.push(directMs);
    }
  }
  // The service fetches limit + 1 rows to know whether a next page exists.
  if (directRows !== rows && directRows !== rows + 1) {
    throw new Error(`direct SQL returned ${directRows} rows but the API ${rows} for ${query}`);
  }
  return { rows, http: summarize(http), direct: summarize(direct) };
}

/** Sequential runs of one statement through a pg.Client. */
async function timeSql(client: pg.Client, sql: CapturedSql, opts: PartnersListOptions) {
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    const t = performance.now();
    await client.query({ text: sql.text, values: sql.values, rowMode: "array" });
    if (i >= opts.warmup) times.push(performance.now() - t);
  }
  return summarize(times);
}

/** Requests/s with `concurrency` clients looping for `seconds` (bounded in count and time). */
async function throughput(
  server: ServerProcess,
  cookie: string,
  query: string,
  concurrency: number,
  seconds: number,
) {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  const maxRequests = 50_000;
  const worker = async () => {
    while (performance.now() < until && latencies.length < maxRequests) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/partners?${query}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { rps: latencies.length / elapsed, ...summarize(latencies) };
}

/**
 * Partner list benchmark: a real server (embedded PostgreSQL, or a scratch database on
 * DATABASE_URL) with `n` partners; filtered and sorted `GET /api/v1/partners` over loopback HTTP,
 * next to the same SQL through `pg`.
 */
export function partnersListBench(opts: PartnersListOptions): Promise<{ ok: boolean; report: string }> {
  return withBenchServer(
    "partners",
    async ({ server, dbUrl: url, client: directClient, cookie, orgId, actor, databaseLabel }) => {
      const seedStarted = performance.now();
      const seeded = await seed(directClient, orgId, opts.partners);
      const seedMs = performance.now() - seedStarted;

      // Page 2 of the default list, to include keyset pagination.
      const first = (await (
        await fetch(`${server.url}/api/v1/partners?sort=name`, { headers: { cookie } })
      ).json()) as {
        nextCursor: string | null;
      };
      const queries: [string, string][] = [
        ["status=active & country=IN, newest first", "status=active&country=IN&sort=-createdAt"],
        ["q=logistics (search), by name", "q=logistics&sort=name"],
        ["criticality=critical, by country", "criticality=critical&sort=country"],
        [
          "category=cloud_saas & active, -updatedAt, limit 100",
          "category=cloud_saas&status=active&sort=-updatedAt&limit=100",
        ],
        ["all, by name, page 2 (cursor)", `sort=name&cursor=${encodeURIComponent(first.nextCursor ?? "")}`],
        ["tag=nearshore & status, by status", "tag=nearshore&status=active&status=onboarding&sort=status"],
      ];
      const baselines = [
        [
          "baseline: GET /healthz (no auth, no database)",
          (await timeGets(`${server.url}/healthz`, {}, opts)).times,
        ],
        [
          "baseline: GET /api/v1/me (session lookup)",
          (await timeGets(`${server.url}/api/v1/me`, { cookie }, opts)).times,
        ],
        [
          "baseline: SELECT 1 through pg",
          await timeSql(directClient, { text: "SELECT 1", values: [] }, opts),
        ],
      ] as const;
      const results: QueryResult[] = [];
      const plans: string[] = [];
      for (const [label, query] of queries) {
        const sql = await captureListSql(url, actor, query);
        results.push({ label, ...(await measure(server, cookie, directClient, query, sql, opts)) });
        if (opts.explain) {
          const plan = await directClient.query({
            text: `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
            values: sql.values,
          });
          plans.push(`--- ${label} (${query})\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
        }
      }
      const tp =
        opts.concurrentSeconds > 0
          ? await throughput(server, cookie, queries[0][1], opts.concurrency, opts.concurrentSeconds)
          : null;

      let ok = true;
      const baselineRows = baselines.map(([label, t]) => [
        label,
        "",
        ms(t.p50),
        ms(t.p95),
        ms(t.p99),
        "",
        "",
        "",
        "",
        "",
      ]);
      const rows = results.map((r) => {
        const ratio = r.http.p95 / r.direct.p95;
        const pass = r.http.p95 < P95_GOAL_MS && ratio <= RATIO_GOAL;
        ok &&= pass;
        return [
          r.label,
          String(r.rows),
          ms(r.http.p50),
          ms(r.http.p95),
          ms(r.http.p99),
          ms(r.direct.p50),
          ms(r.direct.p95),
          `${(r.http.p50 / r.direct.p50).toFixed(2)}×`,
          `${ratio.toFixed(2)}×`,
          verdict(pass),
        ];
      });
      const lines = [
        `data: ${seeded.partners} partners, ${seeded.services} services (inserted by SQL in ${ms(seedMs)}); ` +
          `${opts.requests} sequential requests per query after ${opts.warmup} warm-up, on ${databaseLabel}`,
        "",
        table(
          [
            "GET /api/v1/partners?…",
            "rows",
            "HTTP p50",
            "HTTP p95",
            "HTTP p99",
            "pg p50",
            "pg p95",
            "p50 ratio",
            "p95 ratio",
            "goal",
          ],
          [...baselineRows, ...rows],
        ),
        `goal: HTTP p95 < ${P95_GOAL_MS} ms and HTTP p95 ≤ ${RATIO_GOAL}× direct pg p95 (same SQL, captured from the service, one pg.Client)`,
      ];
      if (tp) {
        lines.push(
          "",
          `throughput, ${opts.concurrency} concurrent clients for ${opts.concurrentSeconds} s on "${queries[0][0]}": ` +
            `${tp.rps.toFixed(0)} req/s, p50 ${ms(tp.p50)}, p95 ${ms(tp.p95)} (${tp.n} requests)`,
        );
      }
      if (plans.length) lines.push("", "Query plans (EXPLAIN ANALYZE of the captured SQL):", ...plans);
      return { ok, report: lines.join("\n") };
    },
  );
}
