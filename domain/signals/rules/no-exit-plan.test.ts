import { describe, expect, it } from "vitest";
import { BOUNDS, contract, facts, partner, service } from "./fixtures.js";
import { noExitPlan as rule } from "./no-exit-plan.js";

describe("no_exit_plan", () => {
  it("raises for a critical service without any active covering contract", () => {
    const core = service({ name: "Core banking", criticality: "critical" });
    const p = partner({ services: [core, service({ criticality: "important" })] });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p] }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      subjectKey: `service:${core.id}`,
      serviceId: core.id,
      likelihood: 2,
      impact: 5,
    });
    expect(s.explanation).toContain("no active contract covers the service");
  });

  it("names the covering contracts when none has an exit plan", () => {
    const core = service({ criticality: "critical" });
    const msa = contract({ title: "MSA", serviceIds: [core.id], hasExitPlan: false });
    const [s] = rule.evaluate(facts({ partners: [partner({ services: [core], contracts: [msa] })] }), BOUNDS);
    expect(s.explanation).toContain("'MSA'");
  });

  it("is satisfied by one active covering contract with an exit plan, not a draft or terminated one", () => {
    const core = service({ criticality: "critical" });
    const withPlan = contract({ serviceIds: [core.id], hasExitPlan: true });
    expect(
      rule.evaluate(facts({ partners: [partner({ services: [core], contracts: [withPlan] })] }), BOUNDS),
    ).toEqual([]);
    for (const status of ["draft", "terminated"]) {
      const p = partner({ services: [core], contracts: [{ ...withPlan, status }] });
      expect(rule.evaluate(facts({ partners: [p] }), BOUNDS)).toHaveLength(1);
    }
  });
});
