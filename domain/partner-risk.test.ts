import { describe, expect, it } from "vitest";
import { partnerRisk, type RiskDriver } from "./partner-risk.js";

const risk = (title: string, likelihood: number, impact: number): RiskDriver => ({
  kind: "risk",
  id: `r-${title}`,
  title,
  likelihood,
  impact,
});
const signal = (title: string, likelihood: number, impact: number): RiskDriver => ({
  kind: "signal",
  id: `s-${title}`,
  title,
  likelihood,
  impact,
});

describe("partnerRisk", () => {
  it("without drivers: score 0, no level, tier 4", () => {
    expect(partnerRisk([], null)).toMatchObject({
      score: 0,
      level: null,
      tier: 4,
      floor: null,
      explanation: ["No open risks or signals → tier 4"],
    });
  });

  it("takes the highest driver, risk or signal, and explains every driver", () => {
    const r = partnerRisk(
      [risk("Data leak", 4, 4), signal("Unstable country", 3, 4), risk("Delay", 1, 2)],
      null,
    );
    expect(r.score).toBe(16);
    expect(r.level).toBe("high");
    expect(r.tier).toBe(2);
    expect(r.explanation).toEqual([
      "Overall score 16 (high) → tier 2",
      "Risk 'Data leak' residual 4×4=16 (high)",
      "Signal 'Unstable country' 3×4=12 (high)",
      "Risk 'Delay' residual 1×2=2 (low)",
    ]);
    expect(r.drivers.map((d) => d.id)).toEqual(["r-Data leak", "s-Unstable country", "r-Delay"]);
  });

  it("maps levels to tiers: critical 1, high 2, medium 3, low 4", () => {
    expect(partnerRisk([signal("a", 5, 4)], null).tier).toBe(1);
    expect(partnerRisk([signal("a", 5, 2)], null).tier).toBe(2);
    expect(partnerRisk([signal("a", 3, 3)], null).tier).toBe(3);
    expect(partnerRisk([signal("a", 2, 2)], null).tier).toBe(4);
  });

  it("applies the organization's thresholds", () => {
    const r = partnerRisk([risk("a", 3, 3)], null, { medium: 3, high: 6, critical: 9 });
    expect(r).toMatchObject({ level: "critical", tier: 1 });
  });

  it("raises the tier to the criticality floor and says so", () => {
    const critical = partnerRisk([risk("Minor", 1, 2)], "critical");
    expect(critical.tier).toBe(2);
    expect(critical.floor).toEqual({
      criticality: "critical",
      tier: 2,
      explanation: "Provides a critical service: at most tier 2",
    });
    expect(critical.explanation.at(-1)).toBe("Provides a critical service: at most tier 2");
    expect(partnerRisk([], "important").tier).toBe(3);
    expect(partnerRisk([], "standard")).toMatchObject({ tier: 4, floor: null });
  });

  it("leaves a tier already above the floor alone", () => {
    const r = partnerRisk([risk("Breach", 5, 5)], "critical");
    expect(r).toMatchObject({ tier: 1, floor: null });
    expect(partnerRisk([risk("x", 3, 4)], "important")).toMatchObject({ tier: 2, floor: null });
  });
});
