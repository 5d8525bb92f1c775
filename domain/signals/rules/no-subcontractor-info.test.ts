import { describe, expect, it } from "vitest";
import { BOUNDS, facts, partner, service } from "./fixtures.js";
import { noSubcontractorInfo as rule } from "./no-subcontractor-info.js";

const link = (serviceIds: string[]) => ({ subcontractorId: "sub-1", subcontractorName: "Sub", serviceIds });

describe("no_subcontractor_info", () => {
  it("raises per critical service no link covers", () => {
    const payroll = service({ name: "Payroll", criticality: "critical" });
    const p = partner({ services: [payroll, service({ criticality: "important" })] });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p] }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      subjectKey: `service:${payroll.id}`,
      partnerId: p.id,
      serviceId: payroll.id,
      likelihood: 3,
      impact: 4,
    });
    expect(s.explanation).toContain("critical service 'Payroll'");
  });

  it("counts a link naming the service, or naming none (all services), as information", () => {
    const a = service();
    const b = service();
    const named = partner({ services: [a, b], subcontractors: [link([a.id])] });
    const out = rule.evaluate(facts({ partners: [named] }), BOUNDS);
    expect(out.map((s) => s.serviceId)).toEqual([b.id]);
    const all = partner({ services: [a, b], subcontractors: [link([])] });
    expect(rule.evaluate(facts({ partners: [all] }), BOUNDS)).toEqual([]);
  });
});
