import { describe, expect, it } from "vitest";
import type { MeasurementStatus } from "../../kpis.js";
import type { KpiFacts } from "../facts.js";
import { BOUNDS, contract, facts, partner, service } from "./fixtures.js";
import { kpiDeviations as rule } from "./kpi-deviations.js";

/** A monthly KPI whose measurements from 2026-01 on have these statuses. */
const kpi = (statuses: MeasurementStatus[], o: Partial<KpiFacts> = {}): KpiFacts => ({
  id: "kpi-1",
  name: "Availability",
  period: "monthly",
  contractId: "contract-x",
  contractTitle: "SLA",
  recent: statuses.map((status, i) => ({ periodStart: `2026-${String(i + 1).padStart(2, "0")}-01`, status })),
  ...o,
});

const evaluate = (...kpis: KpiFacts[]) => rule.evaluate(facts({ partners: [partner({ kpis })] }), BOUNDS);

describe("kpi_deviations", () => {
  it("raises for 3 deviations among the last 6, naming the KPI, counts and periods", () => {
    const [s, ...rest] = evaluate(kpi(["ok", "breach", "ok", "anomaly", "warning", "breach"]));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ subjectKey: "kpi:kpi-1", serviceId: null, likelihood: 3, impact: 3 });
    expect(s.explanation).toContain(
      "KPI 'Availability' of Acme Ltd (partner, contract 'SLA'): 3 of the last 6 measurements (2026-01 … 2026-06) breach or are anomalies (2 breaches and 1 anomaly)",
    );
    expect(s.facts[1]).toMatchObject({
      label: "Last 6 measurements (2026-01 … 2026-06)",
      value: "3 of 6 breach or are anomalies: breach 2026-02, 2026-06; anomaly 2026-04",
    });
    expect(s.explanation).toContain("no recorded service");
  });

  it("stays quiet at 2 deviations, and with fewer than 3 measurements", () => {
    expect(evaluate(kpi(["ok", "breach", "ok", "anomaly", "warning", "ok"]))).toEqual([]);
    expect(evaluate(kpi(["breach", "breach"]))).toEqual([]);
    expect(evaluate(kpi([]))).toEqual([]);
  });

  it("only reads the last 6 measurements", () => {
    // Three old breaches, then six measurements with two deviations.
    const statuses: MeasurementStatus[] = [
      "breach",
      "breach",
      "breach",
      "ok",
      "ok",
      "breach",
      "ok",
      "anomaly",
      "ok",
    ];
    expect(evaluate(kpi(statuses))).toEqual([]);
  });

  it("3 breaches make it likely (4); impact follows the covered services' criticality", () => {
    const core = service({ name: "Core banking", criticality: "important" });
    const sla = contract({ id: "contract-x", title: "SLA", serviceIds: [core.id] });
    const p = partner({ services: [core], contracts: [sla], kpis: [kpi(["breach", "breach", "breach"])] });
    const [s] = rule.evaluate(facts({ partners: [p] }), BOUNDS);
    expect(s).toMatchObject({ likelihood: 4, impact: 4, partnerId: p.id });
    expect(s.explanation).toContain("3 or more breaches");
    expect(s.explanation).toContain("'Core banking' (important)");
  });

  it("fingerprints the counts, so a window that slides without changing them keeps the signal", () => {
    const [a] = evaluate(kpi(["breach", "anomaly", "breach", "ok", "ok", "ok"]));
    // A month later: the same pattern, one period on.
    const later = kpi(["breach", "anomaly", "breach", "ok", "ok", "ok"]);
    later.recent = later.recent.map((m) => ({ ...m, periodStart: m.periodStart.replace("-0", "-1") }));
    const [b] = evaluate(later);
    expect(b.facts).not.toEqual(a.facts);
    expect(a.fingerprint).toEqual(b.fingerprint);
    const [c] = evaluate(kpi(["breach", "anomaly", "breach", "breach", "ok", "ok"]));
    expect(c.fingerprint).not.toEqual(a.fingerprint);
  });

  it("one signal per KPI", () => {
    const bad: MeasurementStatus[] = ["anomaly", "anomaly", "anomaly"];
    const out = evaluate(kpi(bad), kpi(bad, { id: "kpi-2", name: "Response time" }));
    expect(out.map((s) => s.subjectKey)).toEqual(["kpi:kpi-1", "kpi:kpi-2"]);
  });
});
