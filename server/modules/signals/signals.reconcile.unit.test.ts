import { describe, expect, it } from "vitest";
import { planReconciliation, type RuleProposal, type StoredSignal } from "./signals.reconcile.js";

const proposal = (subjectKey: string, factsHash: string): RuleProposal => ({
  rule: "r",
  categoryKey: "quality",
  subjectKey,
  partnerId: null,
  serviceId: null,
  title: subjectKey,
  likelihood: 3,
  impact: 3,
  explanation: "",
  facts: [],
  factsHash,
});
const stored = (subjectKey: string, status: StoredSignal["status"], factsHash: string): StoredSignal => ({
  id: `id-${subjectKey}`,
  rule: "r",
  subjectKey,
  partnerId: null,
  status,
  factsHash,
});
const keys = (list: { subjectKey?: string; proposal?: { subjectKey: string } }[]) =>
  list.map((x) => x.proposal?.subjectKey ?? x.subjectKey);

describe("planReconciliation", () => {
  it("applies the lifecycle: raise, update, reopen, keep, resolve", () => {
    const plan = planReconciliation(
      [
        proposal("new", "h"),
        proposal("open-same", "h"),
        proposal("open-changed", "h2"),
        proposal("dismissed-same", "h"),
        proposal("dismissed-changed", "h2"),
        proposal("resolved-same", "h"),
        proposal("accepted-changed", "h2"),
        proposal("accepted-same", "h"),
      ],
      [
        stored("open-same", "open", "h"),
        stored("open-changed", "open", "h"),
        stored("dismissed-same", "dismissed", "h"),
        stored("dismissed-changed", "dismissed", "h"),
        stored("resolved-same", "resolved", "h"),
        stored("accepted-changed", "accepted", "h"),
        stored("accepted-same", "accepted", "h"),
        stored("open-gone", "open", "h"),
        stored("dismissed-gone", "dismissed", "h"),
        stored("accepted-gone", "accepted", "h"),
      ],
    );
    expect(keys(plan.raise)).toEqual(["new"]);
    expect(keys(plan.update)).toEqual(["open-changed", "accepted-changed"]);
    expect(keys(plan.reopen)).toEqual(["dismissed-changed", "resolved-same"]);
    expect(keys(plan.unchanged)).toEqual(["open-same", "dismissed-same", "accepted-same"]);
    expect(keys(plan.resolve)).toEqual(["open-gone"]);
  });

  it("takes a subject proposed twice once", () => {
    const plan = planReconciliation([proposal("a", "h"), proposal("a", "h")], []);
    expect(plan.raise).toHaveLength(1);
  });
});

describe("factsHash", () => {
  const base = { facts: [{ label: "a", value: "1", source: "s" }], likelihood: 3, impact: 4 };
  it("changes with a fact's value or a rating, not with key order, and prefers the fingerprint", async () => {
    const { factsHash } = await import("./signals.reevaluate.js");
    const h = factsHash(base);
    expect(factsHash({ ...base, facts: [{ source: "s", value: "1", label: "a" }] })).toBe(h);
    expect(factsHash({ ...base, facts: [{ label: "a", value: "2", source: "s" }] })).not.toBe(h);
    expect(factsHash({ ...base, impact: 5 })).not.toBe(h);
    const fp = factsHash({ ...base, fingerprint: { x: 1, y: 2 } });
    expect(factsHash({ ...base, facts: [], fingerprint: { y: 2, x: 1 } })).toBe(fp);
    expect(fp).not.toBe(h);
  });
});
