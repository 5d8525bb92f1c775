import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEVEL_THRESHOLDS,
  explainScore,
  LevelThresholds,
  levelOf,
  levelRange,
  SCORE_LEVELS,
  scoreOf,
} from "./risk-scoring.js";

const custom = { medium: 4, high: 12, critical: 15 };

describe("levelOf", () => {
  it("bands the default 5×5 scale as 1–4 low, 5–9 medium, 10–19 high, 20–25 critical", () => {
    const expected: Record<number, string> = {};
    for (let s = 1; s <= 25; s++)
      expected[s] = s <= 4 ? "low" : s <= 9 ? "medium" : s <= 19 ? "high" : "critical";
    for (let s = 1; s <= 25; s++) expect(levelOf(s), `score ${s}`).toBe(expected[s]);
  });

  it("uses the thresholds given (each threshold is the first score of its level)", () => {
    expect([3, 4, 11, 12, 14, 15].map((s) => levelOf(s, custom))).toEqual([
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
    ]);
  });
});

describe("levelRange", () => {
  it("gives the inclusive score range of each default level", () => {
    expect(SCORE_LEVELS.map((l) => levelRange(l))).toEqual([
      [1, 4],
      [5, 9],
      [10, 19],
      [20, 25],
    ]);
  });

  it("is consistent with levelOf for any valid thresholds and score", () => {
    const thresholds = fc
      .tuple(
        fc.integer({ min: 2, max: 23 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
      )
      .map(([m, a, b]) => ({ medium: m, high: Math.min(24, m + a), critical: Math.min(25, m + a + b) }))
      .filter((t) => LevelThresholds.safeParse(t).success);
    fc.assert(
      fc.property(thresholds, fc.integer({ min: 1, max: 25 }), (t, score) => {
        const [lo, hi] = levelRange(levelOf(score, t), t);
        return lo <= score && score <= hi;
      }),
    );
  });
});

describe("LevelThresholds", () => {
  it("refuses thresholds that do not increase", () => {
    expect(LevelThresholds.safeParse({ medium: 10, high: 10, critical: 20 }).success).toBe(false);
    expect(LevelThresholds.safeParse({ medium: 5, high: 12, critical: 11 }).success).toBe(false);
    expect(LevelThresholds.safeParse(DEFAULT_LEVEL_THRESHOLDS).success).toBe(true);
  });
});

describe("explainScore", () => {
  it("shows the arithmetic, the labels and the band", () => {
    expect(explainScore(4, 5)).toEqual({
      likelihood: 4,
      impact: 5,
      score: 20,
      level: "critical",
      explanation: "likelihood 4 (likely) × impact 5 (severe) = 20 → critical (critical is 20–25)",
    });
    expect(explainScore(2, 3, custom).explanation).toBe(
      "likelihood 2 (unlikely) × impact 3 (moderate) = 6 → medium (medium is 4–11)",
    );
  });

  it("scores likelihood × impact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (l, i) => {
        const e = explainScore(l, i);
        return e.score === l * i && e.score === scoreOf(l, i) && e.level === levelOf(l * i);
      }),
    );
  });
});
