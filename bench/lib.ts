import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import {
  createScratchDatabase,
  freePort,
  makeDataDir,
  type ServerProcess,
  startServer,
  waitForReady,
} from "../e2e/support/server.js";
import type { Actor } from "../server/platform/access.js";
import { type Config, loadConfig } from "../server/platform/config.js";
import type { Database } from "../server/platform/db/index.js";
import * as schema from "../server/platform/db/schema.js";
import { embeddedUrl } from "./partners-seed.js";

/** Percentile (nearest-rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: number[]) => percentile(values, 50);

/** Summary statistics of timings in milliseconds. */
export function summarize(values: number[]) {
  return {
    n: values.length,
    min: Math.min(...values),
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

export const ms = (v: number) =>
  Number.isFinite(v) ? (v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`) : "—";
export const mb = (kb: number) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : "—");

/** Reads one `/proc/<pid>/status` field in kB (VmRSS, VmHWM …); NaN when the process is gone. */
export function procStatusKb(pid: number, field = "VmRSS"): number {
  try {
    const m = fs
      .readFileSync(`/proc/${pid}/status`, "utf8")
      .match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Proportional set size in kB (shared pages split among the processes sharing them). */
export function procPssKb(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Every descendant process id of `pid` (from /proc/<n>/stat parent links). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // The command may contain spaces and parentheses: fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

export const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** A plain-text table with right-aligned numeric columns. */
export function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? (c ?? "").padEnd(widths[i]) : (c ?? "").padStart(widths[i])))
      .join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A goal check rendered as PASS/FAIL. */
export const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/** How many requests to time, after how many untimed warm-up ones. */
export interface Repetitions {
  warmup: number;
  requests: number;
}

/**
 * Sequential GETs of one URL; the timings after the warm-up and the last body (so a bench can
 * describe the answer it timed). Any status but 200 aborts the bench.
 */
export async function timeGets(url: string, headers: Record<string, string>, reps: Repetitions) {
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < reps.warmup + reps.requests; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${body.slice(0, 300)}`);
    if (i >= reps.warmup) times.push(performance.now() - t);
  }
  return { times: summarize(times), body };
}

/** One statement as Drizzle sent it. */
export interface CapturedSql {
  text: string;
  values: unknown[];
}

/**
 * A one-connection Drizzle database whose logger records every statement, so a bench can
 * EXPLAIN or replay through `pg` exactly the SQL our services issue.
 */
export function capturingDatabase(url: string) {
  const captured: CapturedSql[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, values) => void captured.push({ text, values }) },
  });
  const database: Database = { url, pool, db, close: () => pool.end() };
  return { captured, pool, db, database };
}

/**
 * Runs a service call once against `url` and returns the last statement matching `pattern`
 * (the list query, not the permission or count look-ups around it).
 */
export async function captureServiceSql(
  url: string,
  pattern: RegExp,
  run: (deps: { config: Config; database: Database }) => Promise<unknown>,
): Promise<CapturedSql> {
  const { captured, pool, database } = capturingDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, OUTSIGHT_DATA_DIR: "/nonexistent" });
  try {
    await run({ config, database });
  } finally {
    await pool.end();
  }
  const found = captured.findLast((c) => pattern.test(c.text));
  if (!found) throw new Error(`no statement matching ${pattern} captured`);
  return found;
}

/** What a bench gets from {@link withBenchServer}: a signed-in admin on a fresh organization. */
export interface BenchServer {
  server: ServerProcess;
  /** The database's URL (the scratch database, or the embedded cluster's). */
  dbUrl: string;
  /** A direct connection to the same database, for seeding and `pg` baselines. */
  client: pg.Client;
  /** The admin's session cookie. */
  cookie: string;
  orgId: string;
  /** The admin as services see them, for running a service in-process. */
  actor: Actor;
  /** Where the run happened, for the report's first line. */
  databaseLabel: string;
}

/**
 * Starts a real server (embedded PostgreSQL, or a scratch database on DATABASE_URL), sets up an
 * organization with an admin, signs in and opens a direct `pg` connection; runs `fn`; then stops
 * and removes everything, whether `fn` succeeded or not. `name` names the scratch database and
 * the data directory.
 */
export async function withBenchServer<T>(name: string, fn: (bench: BenchServer) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL;
  const scratch = external ? await createScratchDatabase(external, `outsight_bench_${name}`) : null;
  const dataDir = await makeDataDir(`outsight-bench-${name}-`);
  const server = startServer({
    port: await freePort(),
    dataDir,
    databaseUrl: scratch?.url,
    logFile: path.join(dataDir, "server.log"),
    env: { LOG_LEVEL: "info" }, // as in production: one log line per request
  });
  let client: pg.Client | null = null;
  try {
    await waitForReady(server, 120_000);
    const email = "bench@bench.example";
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organizationName: "Bench Corp",
        name: "Bench Admin",
        email,
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
    const dbUrl = scratch?.url ?? (await embeddedUrl(dataDir));
    client = new pg.Client({ connectionString: dbUrl, application_name: "bench-direct" });
    await client.connect();
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
    return await fn({
      server,
      dbUrl,
      client,
      cookie,
      orgId: me.organization.id,
      actor,
      databaseLabel: scratch ? "external PostgreSQL (DATABASE_URL)" : "embedded PostgreSQL",
    });
  } finally {
    await client?.end().catch(() => undefined);
    const stopped = await server.stop(30_000);
    if (stopped.code !== 0)
      console.error(`warning: server exited with ${stopped.code}/${stopped.signal}\n${server.tail()}`);
    await scratch?.drop().catch(() => undefined);
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}
