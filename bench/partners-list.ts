import fs from "node:fs/promises";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { ListPartnersQuery } from "../domain/partners.js";
import {
  createScratchDatabase,
  freePort,
  makeDataDir,
  type ServerProcess,
  startServer,
  waitForReady,
} from "../e2e/support/server.js";
import { createPartnerService } from "../server/modules/partners/partners.service.js";
import type { Actor } from "../server/platform/access.js";
import { loadConfig } from "../server/platform/config.js";
import * as schema from "../server/platform/db/schema.js";
import { ms, summarize, table, verdict } from "./lib.js";
import { embeddedUrl, seed } from "./partners-seed.js";

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

interface Captured {
  text: string;
  values: unknown[];
}

/**
 * The exact SQL the partner service issues for a list query, captured from Drizzle's logger by
 * running the real service once, so "direct pg" runs the same statement the server does.
 */
async function captureListSql(url: string, actor: Actor, query: string): Promise<Captured> {
  const captured: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, values) => void captured.push({ text, values }) },
  });
  const config = loadConfig({ DATABASE_URL: url, OUTSIGHT_DATA_DIR: "/nonexistent" });
  try {
    const service = createPartnerService({ config, database: { url, pool, db, close: () => pool.end() } });
    await service.list(actor, ListPartnersQuery.parse(parseQuery(query)));
  } finally {
    await pool.end();
  }
  const list = captured.findLast((c) => /from "partners"/i.test(c.text));
  if (!list) throw new Error(`no partner query captured for ${query}`);
  return list;
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
  sql: Captured,
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

/** Sequential GETs of one URL (baseline of the fixed per-request cost). */
async function timeGets(url: string, headers: Record<string, string>, opts: PartnersListOptions) {
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}`);
    if (i >= opts.warmup) times.push(performance.now() - t);
  }
  return summarize(times);
}

/** Sequential runs of one statement through a pg.Client. */
async function timeSql(client: pg.Client, sql: Captured, opts: PartnersListOptions) {
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
export async function partnersListBench(opts: PartnersListOptions): Promise<{ ok: boolean; report: string }> {
  const external = process.env.DATABASE_URL;
  const scratch = external ? await createScratchDatabase(external, "outsight_bench") : null;
  const dataDir = await makeDataDir("outsight-bench-partners-");
  const server = startServer({
    port: await freePort(),
    dataDir,
    databaseUrl: scratch?.url,
    logFile: path.join(dataDir, "server.log"),
    env: { LOG_LEVEL: "info" }, // as in production: one log line per request
  });
  let directClient: pg.Client | null = null;
  try {
    await waitForReady(server, 120_000);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organizationName: "Bench Corp",
        name: "Bench Admin",
        email: "bench@bench.example",
        password: "correct horse battery staple",
      }),
    });
    if (setup.status !== 201) throw new Error(`setup → ${setup.status} ${await setup.text()}`);
    const me = (await setup.json()) as {
      user: { id: string; name: string; email: string };
      organization: { id: string };
    };
    const cookie = setup.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

    const url = scratch?.url ?? (await embeddedUrl(dataDir));
    directClient = new pg.Client({ connectionString: url, application_name: "bench-direct" });
    await directClient.connect();
    const seedStarted = performance.now();
    const seeded = await seed(directClient, me.organization.id, opts.partners);
    const seedMs = performance.now() - seedStarted;

    const actor: Actor = {
      kind: "user",
      orgId: me.organization.id,
      userId: me.user.id,
      name: me.user.name,
      email: me.user.email,
      role: "admin",
      partnerId: null,
      sessionId: null,
      tokenId: null,
      requestId: "bench",
      ip: "127.0.0.1",
    };

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
      ["baseline: GET /healthz (no auth, no database)", await timeGets(`${server.url}/healthz`, {}, opts)],
      [
        "baseline: GET /api/v1/me (session lookup)",
        await timeGets(`${server.url}/api/v1/me`, { cookie }, opts),
      ],
      ["baseline: SELECT 1 through pg", await timeSql(directClient, { text: "SELECT 1", values: [] }, opts)],
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
        `${opts.requests} sequential requests per query after ${opts.warmup} warm-up, on ${scratch ? "external PostgreSQL (DATABASE_URL)" : "embedded PostgreSQL"}`,
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
  } finally {
    await directClient?.end().catch(() => undefined);
    const stopped = await server.stop(30_000);
    if (stopped.code !== 0)
      console.error(`warning: server exited with ${stopped.code}/${stopped.signal}\n${server.tail()}`);
    await scratch?.drop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
