import { describe, expect, it } from "vitest";
import { CreateNda, ndaDaysToExpiry, ndaProblems, ndaStatus } from "../../../domain/ndas.js";
import { ndaExpiringEvents, ndaExpiryStage } from "./ndas.reminders.js";

describe("ndaStatus", () => {
  it("is upcoming the day before the effective date and in force on it", () => {
    expect(ndaStatus("2026-03-01", "2026-08-31", "2026-02-28")).toBe("upcoming");
    expect(ndaStatus("2026-03-01", "2026-08-31", "2026-03-01")).toBe("in_force");
  });
  it("is in force on the expiry date and expired the day after", () => {
    expect(ndaStatus("2026-03-01", "2026-08-31", "2026-08-31")).toBe("in_force");
    expect(ndaStatus("2026-03-01", "2026-08-31", "2026-09-01")).toBe("expired");
  });
  it("never expires without an expiry date", () => {
    expect(ndaStatus("2026-03-01", null, "2099-12-31")).toBe("in_force");
    expect(ndaDaysToExpiry(null, "2026-01-01")).toBeNull();
    expect(ndaDaysToExpiry("2026-01-31", "2026-01-01")).toBe(30);
    expect(ndaDaysToExpiry("2025-12-31", "2026-01-01")).toBe(-1);
  });
});

describe("NDA validation", () => {
  it("wants the expiry strictly after the effective date", () => {
    expect(ndaProblems({ effectiveDate: "2026-03-01", expiryDate: "2026-03-01" })).toEqual([
      { path: "body.expiryDate", message: expect.any(String) },
    ]);
    expect(ndaProblems({ effectiveDate: "2026-03-01", expiryDate: "2026-03-02" })).toEqual([]);
    expect(ndaProblems({ effectiveDate: "2026-03-01", expiryDate: null })).toEqual([]);
  });
  it("accepts only http(s) links and at least one signatory", () => {
    const base = {
      partnerId: "00000000-0000-4000-8000-000000000000",
      type: "mutual",
      scope: "Everything",
      effectiveDate: "2026-03-01",
      signatories: [{ name: "A", role: "CEO", party: "ours" }],
    };
    expect(CreateNda.safeParse(base).success).toBe(true);
    expect(CreateNda.safeParse({ ...base, signedDocumentUrl: "http://x.test/a.pdf" }).success).toBe(true);
    expect(CreateNda.safeParse({ ...base, signedDocumentUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(CreateNda.safeParse({ ...base, signatories: [] }).success).toBe(false);
  });
});

describe("NDA expiry reminders", () => {
  const row = { id: "n1", partnerName: "Acme", scope: "Code", expiryDate: "2026-04-30", createdBy: "u9" };
  it("has a 30-day and a 7-day stage, nothing outside them", () => {
    expect([31, 30, 8, 7, 0, -1].map(ndaExpiryStage)).toEqual([null, "30", "30", "7", "7", null]);
  });
  it("keys by NDA, expiry date and stage and adds the active creator", () => {
    const [e] = ndaExpiringEvents([row], "2026-04-01", ["u1"], new Set(["u9"]));
    expect(e).toMatchObject({
      type: "nda_expiring",
      key: "nda_expiring:n1:2026-04-30:30",
      title: "NDA expiring in 29 days: Acme",
      recipients: ["u1", "u9"],
    });
    const [late] = ndaExpiringEvents([row], "2026-04-25", ["u1"], new Set());
    expect(late.key).toBe("nda_expiring:n1:2026-04-30:7");
    expect(late.recipients).toEqual(["u1"]);
  });
});
