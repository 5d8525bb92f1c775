import os from "node:os";
import { pathToFileURL } from "node:url";
import { countsOf, evaluateSeries } from "../domain/kpi-series.js";
import { evaluateColumns, type RawPoint, SPC_DEFAULTS } from "../domain/kpi-spc.js";
import type { KpiThresholds, SeriesPoint } from "../domain/kpis.js";
import { ms, summarize, table, verdict } from "./lib.js";

const GOAL_MS = 100;

export interface KpiEvaluateOptions {
  /** Points in the history (default 100,000). */
  points: number;
  /** Timed runs per case, after `warmup` untimed ones. */
  runs: number;
  warmup: number;
}

const THRESHOLDS: KpiThresholds & { unit: string } = {
  direction: "higher_is_better",
  target: 99.5,
  warningThreshold: 99,
  breachThreshold: 98.5,
  unit: "%",
};

/**
 * A seeded availability history: N(99.8, 0.2) noise (Park–Miller generator, Irwin–Hall sum of 12
 * uniforms) drifting down by 1.5 over the whole history, so the later part warns and breaches and
 * the evaluation words a reason for most points. `decimals` rounds the values as measurements
 * typed or exported by people are (null: full double precision, the costliest to word).
 */
export function kpiHistory(n: number, decimals: number | null): RawPoint[] {
  let s = 20_261_128;
  const start = Date.UTC(2000, 0, 1);
  const out: RawPoint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let u = 0;
    for (let k = 0; k < 12; k++) {
      s = (s * 16_807) % 2_147_483_647;
      u += s / 2_147_483_647;
    }
    const raw = 99.8 + 0.2 * (u - 6) - (1.5 * i) / n;
    const value = decimals === null ? raw : Number(raw.toFixed(decimals));
    out[i] = { periodStart: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value };
  }
  return out;
}

/**
 * Wall-clock timings (ms) of `fn` over `runs` runs after `warmup` untimed ones, and the process
 * CPU time of each run: on a shared machine wall time includes waiting for a core, CPU time does
 * not (it does include the garbage collector's helper threads).
 */
function time<T>(fn: () => T, runs: number, warmup: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    last = fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    if (i >= warmup) {
      times.push(wall);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { times: summarize(times), cpu: summarize(cpu), last: last as T };
}

/** Baseline: one plain pass computing the mean and variance of the same values. */
function meanAndVariance(points: readonly RawPoint[]) {
  let sum = 0;
  let squares = 0;
  for (const p of points) {
    sum += p.value;
    squares += p.value * p.value;
  }
  const mean = sum / points.length;
  return { mean, variance: squares / points.length - mean * mean };
}

/**
 * Baseline: the answer's floor, one result object per point with every field, no statistics and
 * no words (what any evaluation returning `SeriesPoint[]` must at least allocate).
 */
function allocateOnly(points: readonly RawPoint[]): SeriesPoint[] {
  const out: SeriesPoint[] = new Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const x = points[i].value;
    out[i] = {
      periodStart: points[i].periodStart,
      value: x,
      note: null,
      status: "ok",
      reason: null,
      thresholdStatus: "ok",
      spcRule: null,
      center: x,
      lowerControlLimit: x,
      upperControlLimit: x,
      ewma: x,
      ewmaLowerLimit: x,
      ewmaUpperLimit: x,
    };
  }
  return out;
}

/**
 * Baseline: the columnar answer's floor, the typed arrays `evaluateColumns` fills (seven doubles
 * and four small integers per point), allocated and left zero.
 */
function allocateColumnsOnly(n: number): ArrayBufferView[] {
  const doubles = Array.from({ length: 8 }, () => new Float64Array(n));
  return [...doubles, new Uint8Array(n), new Uint8Array(n), new Uint8Array(n), new Uint32Array(n)];
}

/**
 * KPI evaluation benchmark (pure domain logic, no database) over a 100,000-point history, values
 * at 3 decimals (typical) and at full double precision (worst case for the wording of reasons).
 * The goal is on `evaluateColumns`, the evaluation itself; `evaluateSeries`, which also builds
 * the API's objects and words every reason, is printed for information, with baselines from the
 * same run: a mean/variance pass, and allocating each answer's form without computing anything.
 */
export function kpiEvaluateBench(opts: KpiEvaluateOptions): { ok: boolean; report: string } {
  const typical = kpiHistory(opts.points, 3);
  const precise = kpiHistory(opts.points, null);
  const { runs, warmup } = opts;
  const year = { from: Math.max(0, typical.length - 365), to: typical.length };
  const baseline = time(() => meanAndVariance(typical), runs, warmup);
  const allocColumns = time(() => allocateColumnsOnly(typical.length), runs, warmup);
  const alloc = time(() => allocateOnly(typical), runs, warmup);
  const colsTypical = time(() => evaluateColumns(THRESHOLDS, typical), runs, warmup);
  const colsPrecise = time(() => evaluateColumns(THRESHOLDS, precise), runs, warmup);
  const evalTypical = time(() => evaluateSeries(THRESHOLDS, typical), runs, warmup);
  const evalPrecise = time(() => evaluateSeries(THRESHOLDS, precise), runs, warmup);
  const evalYear = time(() => evaluateSeries(THRESHOLDS, typical, SPC_DEFAULTS, year), runs, warmup);

  const counts = countsOf(colsTypical.last);
  const worded = colsTypical.last.length - counts.ok;
  const okTypical = colsTypical.times.p95 < GOAL_MS;
  const okPrecise = colsPrecise.times.p95 < GOAL_MS;
  const rows = [
    ["baseline: mean and variance, one pass", ...evalRow(baseline), ""],
    ["baseline: allocate the typed arrays only", ...evalRow(allocColumns), ""],
    ["baseline: allocate the API objects only", ...evalRow(alloc), ""],
    ["evaluateColumns, values at 3 decimals", ...evalRow(colsTypical), verdict(okTypical)],
    ["evaluateColumns, full-precision values", ...evalRow(colsPrecise), verdict(okPrecise)],
    ["evaluateSeries (objects + words), 3 decimals", ...evalRow(evalTypical), "—"],
    ["evaluateSeries (objects + words), full precision", ...evalRow(evalPrecise), "—"],
    ["evaluateSeries, last 365 points materialised", ...evalRow(evalYear), "—"],
  ];
  return {
    ok: okTypical && okPrecise,
    report: [
      `data: ${opts.points.toLocaleString("en-US")} daily points of a seeded noisy availability history (σ 0.2 %) drifting down by 1.5 %; ` +
        `thresholds warning < 99 %, breach < 98.5 %; ${runs} timed runs per case after ${warmup} warm-up; load average ${os.loadavg()[0].toFixed(2)}`,
      `statuses (3 decimals): ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ", ",
        )}; ${worded} points carry a reason in words (evaluateSeries words them all, evaluateColumns none)`,
      "",
      table(["100,000-point KPI evaluation", "p50", "p95", "max", "CPU p50", "goal"], rows),
      `goal: p95 < ${GOAL_MS} ms (wall) for evaluateColumns: the evaluation of every point (threshold status, ` +
        "Individuals and EWMA control limits, Western Electric rule) into typed arrays, with no object and no words per point " +
        "(reasons are worded on demand by reasonAt). evaluateSeries additionally materialises one API object per point with every " +
        "reason in words (the series endpoint's presenter); it has no goal here, and the endpoint materialises only the requested " +
        "date range (the 365-point line: the whole history is still evaluated). " +
        "CPU p50 is the process CPU time per run (GC helper threads included), a steadier figure on a busy machine.",
    ].join("\n"),
  };
}

const evalRow = (r: { times: ReturnType<typeof summarize>; cpu: ReturnType<typeof summarize> }) => [
  ms(r.times.p50),
  ms(r.times.p95),
  ms(r.times.max),
  ms(r.cpu.p50),
];

// Standalone: `npx tsx bench/kpi-evaluate.ts` (also registered in bench/run.ts as `--only kpi`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = kpiEvaluateBench({ points: 100_000, runs: 15, warmup: 3 });
  console.log(r.report);
  process.exitCode = r.ok ? 0 : 1;
}
