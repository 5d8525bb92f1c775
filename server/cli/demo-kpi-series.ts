import { addDays, todayUtc } from "../../domain/time.js";

/** A small seeded generator (mulberry32), so the demo's series are the same on every load. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Roughly normal noise (sum of uniforms), mean 0 and standard deviation 1. */
const gaussian = (rand: () => number) => {
  let s = 0;
  for (let i = 0; i < 12; i++) s += rand();
  return s - 6;
};

/** The first day of the month `back` months before this one. */
function monthStart(today: string, back: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
}

/** The Monday `back` weeks before this week's Monday. */
function weekStart(today: string, back: number): string {
  const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -dow - 7 * back);
}

/** How one demo series behaves: a noisy level, with optional one-off values and a late drift. */
export interface SeriesShape {
  period: "monthly" | "weekly";
  count: number;
  level: number;
  noise: number;
  decimals: number;
  seed: number;
  /** Values forced at "periods ago" (0 = the current period). */
  spikes?: Record<number, number>;
  /** Over the last `periods`, the level moves by `by` in total (a slow drift SPC should notice). */
  drift?: { periods: number; by: number };
}

/** The demo measurements of one KPI, oldest first, ending with the current period. */
export function demoSeries(shape: SeriesShape, today = todayUtc()): { periodStart: string; value: number }[] {
  const rand = seeded(shape.seed);
  const out: { periodStart: string; value: number }[] = [];
  for (let back = shape.count - 1; back >= 0; back--) {
    const periodStart = shape.period === "monthly" ? monthStart(today, back) : weekStart(today, back);
    let value = shape.level + shape.noise * gaussian(rand);
    if (shape.drift && back < shape.drift.periods)
      value += (shape.drift.by * (shape.drift.periods - back)) / shape.drift.periods;
    const spike = shape.spikes?.[back];
    if (spike !== undefined) value = spike;
    out.push({ periodStart, value: Number(value.toFixed(shape.decimals)) });
  }
  return out;
}
