import fs from "node:fs";

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
