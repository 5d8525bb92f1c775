import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { addDays, todayUtc } from "../domain/time.js";
import { ms, table, verdict, withBenchServer } from "./lib.js";

const RATE_GOAL = 50_000;
const RATIO_GOAL = 0.3;

export interface KpiIngestOptions {
  /** Measurements per request. */
  rowsPerRequest: number;
  requests: number;
  kpis: number;
}

type Row = { kpiId: string; periodStart: string; value: number; note?: string };

async function api(url: string, headers: Record<string, string>, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** `kpis` daily KPIs on one contract of one partner, created through the API. */
async function createKpis(url: string, cookie: string, kpis: number, label: string): Promise<string[]> {
  const h = { cookie };
  const partner = await api(url, h, "/api/v1/partners", {
    name: `Ingest ${label}`,
    country: "DE",
    category: "cloud_saas",
  });
  const contract = await api(url, h, "/api/v1/contracts", {
    partnerId: partner.id,
    type: "msa",
    title: `Ingest ${label}`,
    status: "active",
  });
  const ids: string[] = [];
  for (let i = 0; i < kpis; i++) {
    const kpi = await api(url, h, "/api/v1/kpis", {
      contractId: contract.id,
      name: `${label} KPI ${String(i).padStart(3, "0")}`,
      unit: "%",
      direction: "higher_is_better",
      target: 99.9,
      warningThreshold: 99.5,
      breachThreshold: 99,
      period: "daily",
    });
    ids.push(kpi.id);
  }
  return ids;
}

/**
 * Request `r`'s rows: `perKpi` consecutive days for every KPI, all ending a year ago or earlier
 * (historic, so no notification is due), values around 99.9 with the odd breach.
 */
function requestRows(kpiIds: string[], r: number, perKpi: number, requests: number): Row[] {
  const last = addDays(todayUtc(), -365);
  const firstDay = -(requests * perKpi) + r * perKpi;
  const days = Array.from({ length: perKpi }, (_, d) => addDays(last, firstDay + d + 1));
  const rows: Row[] = [];
  let seed = r * 7919 + 1;
  for (const kpiId of kpiIds)
    for (const periodStart of days) {
      seed = (seed * 48271) % 2147483647;
      rows.push({ kpiId, periodStart, value: Math.round((99.5 + (seed % 1000) / 1990) * 1000) / 1000 });
    }
  return rows;
}

/** COPY of rows into kpi_measurements through pg-copy-streams (text format). */
async function copyRows(client: pg.Client, orgId: string, rows: Row[]) {
  const lines = function* () {
    let chunk = "";
    for (const r of rows) {
      chunk += `${r.kpiId}\t${r.periodStart}\t${r.value}\t\\N\t${orgId}\n`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  };
  const stream = client.query(
    copyFrom("COPY kpi_measurements (kpi_id, period_start, value, note, org_id) FROM STDIN"),
  );
  await pipeline(Readable.from(lines()), stream);
}

/**
 * KPI ingestion benchmark: a real server and database; `requests` bulk requests of
 * `rowsPerRequest` measurements across `kpis` daily KPIs through `POST /api/v1/measurements/bulk`
 * with a Bearer token (validation, history-aware evaluation, one upsert, one audit event each),
 * next to the same rows for as many other KPIs loaded into the same table with PostgreSQL `COPY`
 * (same primary key and triggers; `kpi_id` has no foreign key since migration 0011, which halved
 * both), in the same run.
 */
export function kpiIngestBench(opts: KpiIngestOptions): Promise<{ ok: boolean; report: string }> {
  return withBenchServer("kpi_ingest", async ({ server, client, cookie, orgId, databaseLabel }) => {
    const perKpi = Math.max(1, Math.round(opts.rowsPerRequest / opts.kpis));
    const httpKpis = await createKpis(server.url, cookie, opts.kpis, "HTTP");
    const copyKpis = await createKpis(server.url, cookie, opts.kpis, "COPY");
    const token = await api(server.url, { cookie }, "/api/v1/api-tokens", {
      name: "bench ingest",
      role: "vendor_manager",
    });
    const auth = { authorization: `Bearer ${token.token}` };

    const httpTimes: number[] = [];
    let httpRows = 0;
    let created = 0;
    for (let r = 0; r < opts.requests; r++) {
      const body = JSON.stringify(requestRows(httpKpis, r, perKpi, opts.requests));
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/measurements/bulk`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body,
      });
      const text = await res.text();
      httpTimes.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`bulk → ${res.status} ${text.slice(0, 500)}`);
      const result = JSON.parse(text) as { rows: number; created: number };
      httpRows += result.rows;
      created += result.created;
    }
    // A re-send of the last request: every row unchanged (the idempotent path).
    const resendBody = JSON.stringify(requestRows(httpKpis, opts.requests - 1, perKpi, opts.requests));
    let t = performance.now();
    const resend = await fetch(`${server.url}/api/v1/measurements/bulk`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: resendBody,
    });
    const resendResult = (await resend.json()) as { unchanged: number };
    const resendMs = performance.now() - t;

    const copyTimes: number[] = [];
    let copied = 0;
    for (let r = 0; r < opts.requests; r++) {
      const rows = requestRows(copyKpis, r, perKpi, opts.requests);
      t = performance.now();
      await copyRows(client, orgId, rows);
      copyTimes.push(performance.now() - t);
      copied += rows.length;
    }
    const { rows: stored } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM kpi_measurements WHERE org_id = $1",
      [orgId],
    );

    const httpMs = httpTimes.reduce((a, b) => a + b, 0);
    const copyMs = copyTimes.reduce((a, b) => a + b, 0);
    const httpRate = (httpRows / httpMs) * 1000;
    const copyRate = (copied / copyMs) * 1000;
    const ratio = httpRate / copyRate;
    const rateOk = httpRate >= RATE_GOAL;
    const ratioOk = ratio >= RATIO_GOAL;
    const rate = (v: number) => `${Math.round(v).toLocaleString("en-US")}/s`;
    return {
      ok: rateOk && ratioOk && created === httpRows && stored[0].n === httpRows + copied,
      report: [
        `data: ${opts.kpis} daily KPIs per method, ${opts.requests} requests × ${perKpi * opts.kpis} rows ` +
          `(historic days, no notifications due), on ${databaseLabel}; ${stored[0].n} rows stored in the end`,
        "",
        table(
          ["ingestion", "rows", "total", "per request", "rows/s", "goal"],
          [
            [
              "POST /measurements/bulk (JSON, Bearer token)",
              String(httpRows),
              ms(httpMs),
              httpTimes.map((x) => ms(x)).join(", "),
              rate(httpRate),
              `≥ ${rate(RATE_GOAL)} ${verdict(rateOk)}`,
            ],
            [
              "baseline: COPY … FROM STDIN (pg-copy-streams)",
              String(copied),
              ms(copyMs),
              copyTimes.map((x) => ms(x)).join(", "),
              rate(copyRate),
              "",
            ],
            [
              "re-send of the last request (all unchanged)",
              String(resendResult.unchanged),
              ms(resendMs),
              "",
              rate((resendResult.unchanged / resendMs) * 1000),
              "",
            ],
          ],
        ),
        "",
        `HTTP/COPY throughput: ${(ratio * 100).toFixed(0)} % (goal ≥ ${RATIO_GOAL * 100} %) ${verdict(ratioOk)}`,
        `goal: at least ${rate(RATE_GOAL)} measurements through the HTTP API, and at least ${RATIO_GOAL * 100} % of COPY's rate into the same table.`,
      ].join("\n"),
    };
  });
}
