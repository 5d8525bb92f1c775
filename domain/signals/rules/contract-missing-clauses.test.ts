import { describe, expect, it } from "vitest";
import { contractMissingClauses as rule } from "./contract-missing-clauses.js";
import { BOUNDS, contract, facts, partner, service } from "./fixtures.js";

describe("contract_missing_clauses", () => {
  it("raises for a personal-data service no active contract covers", () => {
    const hr = service({ name: "HR", dataCategories: ["personal_data"] });
    const p = partner({ services: [hr, service({ dataCategories: ["financial"] })] });
    const [s, ...rest] = rule.evaluate(facts({ partners: [p] }), BOUNDS);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ subjectKey: `service:${hr.id}`, partnerId: p.id, serviceId: hr.id, impact: 4 });
    expect(s.explanation).toContain("no active contract covers the service");
  });

  it("names the missing clause and the contract lacking it; special data weighs 5", () => {
    const care = service({ name: "Care", dataCategories: ["health"] });
    const msa = contract({ title: "MSA", serviceIds: [care.id], auditRights: true, dataProtection: false });
    const [s] = rule.evaluate(facts({ partners: [partner({ services: [care], contracts: [msa] })] }), BOUNDS);
    expect(s.impact).toBe(5);
    expect(s.title).toContain("lack data protection clauses");
    expect(s.facts).toContainEqual(
      expect.objectContaining({ label: "Contract 'MSA' lacks", value: "data protection" }),
    );
  });

  it("is satisfied by clauses spread over several active contracts, not by drafts", () => {
    const hr = service({ dataCategories: ["personal_data"] });
    const msa = contract({ serviceIds: [hr.id], auditRights: true, dataProtection: false });
    const dpa = contract({ serviceIds: [hr.id], auditRights: false, dataProtection: true });
    const ok = partner({ services: [hr], contracts: [msa, dpa] });
    expect(rule.evaluate(facts({ partners: [ok] }), BOUNDS)).toEqual([]);
    const draft = partner({ services: [hr], contracts: [msa, { ...dpa, status: "draft" }] });
    expect(rule.evaluate(facts({ partners: [draft] }), BOUNDS)).toHaveLength(1);
  });

  it("ignores contracts that do not cover the service", () => {
    const hr = service({ dataCategories: ["sensitive_personal_data"] });
    const other = contract({ serviceIds: ["svc-other"] });
    expect(
      rule.evaluate(facts({ partners: [partner({ services: [hr], contracts: [other] })] }), BOUNDS),
    ).toHaveLength(1);
  });
});
