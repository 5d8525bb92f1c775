import { describe, expect, it } from "vitest";
import { addMonths, currentTermEnd, nextOccurrence, noticeDeadline } from "./contract-terms.js";
import { CreateContract, contractProblems } from "./contracts.js";

const terms = (o: Partial<Parameters<typeof noticeDeadline>[0]> = {}) => ({
  status: "active",
  endDate: "2027-03-31",
  autoRenewal: false,
  renewalTermMonths: null,
  noticePeriodDaysOurs: 90,
  ...o,
});

describe("noticeDeadline", () => {
  it("is the end date minus our notice period, explained", () => {
    const n = noticeDeadline(terms(), "2026-11-28");
    expect(n).toMatchObject({ termEnd: "2027-03-31", date: "2026-12-31", daysUntil: 33, status: "ok" });
    expect(n.explanation).toBe(
      "ends 2027-03-31; our notice period is 90 days → give notice by 2026-12-31 (33 days)",
    );
  });

  it("is due soon within 30 days, overdue once passed", () => {
    expect(noticeDeadline(terms(), "2026-12-01")).toMatchObject({ status: "due_soon", daysUntil: 30 });
    expect(noticeDeadline(terms(), "2026-12-31")).toMatchObject({ status: "due_soon", daysUntil: 0 });
    const late = noticeDeadline(terms(), "2027-01-02");
    expect(late).toMatchObject({ status: "overdue", daysUntil: -2 });
    expect(late.explanation).toContain("(2 days ago)");
  });

  it("rolls an auto-renewing contract forward to the current term", () => {
    const t = terms({
      endDate: "2025-01-31",
      autoRenewal: true,
      renewalTermMonths: 12,
      noticePeriodDaysOurs: 30,
    });
    expect(currentTermEnd(t, "2026-11-28")).toBe("2027-01-31");
    const n = noticeDeadline(t, "2026-11-28");
    expect(n).toMatchObject({ termEnd: "2027-01-31", date: "2027-01-01", status: "ok" });
    expect(n.explanation).toContain("(renewed from 2025-01-31)");
  });

  it("has none without an end date, when ended without renewal, or when expired or terminated", () => {
    expect(noticeDeadline(terms({ endDate: null }), "2026-11-28").status).toBe("none");
    expect(noticeDeadline(terms({ endDate: "2026-01-01" }), "2026-11-28")).toMatchObject({
      status: "none",
      date: null,
    });
    expect(noticeDeadline(terms({ status: "terminated" }), "2026-11-28").status).toBe("none");
  });

  it("counts a missing notice period as zero days", () => {
    expect(noticeDeadline(terms({ noticePeriodDaysOurs: null }), "2026-11-28").date).toBe("2027-03-31");
  });
});

describe("addMonths and nextOccurrence", () => {
  it("clamps to the end of shorter months", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });

  it("schedules the next occurrence from the due date; none for one-off obligations", () => {
    expect(nextOccurrence("2026-12-31", "monthly")).toBe("2027-01-31");
    expect(nextOccurrence("2026-12-31", "quarterly")).toBe("2027-03-31");
    expect(nextOccurrence("2026-12-31", "yearly")).toBe("2027-12-31");
    expect(nextOccurrence("2026-12-31", "none")).toBeNull();
  });
});

describe("contract validation", () => {
  it("requires end ≥ start and a currency with a value", () => {
    expect(contractProblems({ startDate: "2026-01-01", endDate: "2025-12-31" })).toEqual([
      { path: "body.endDate", message: expect.any(String) },
    ]);
    expect(contractProblems({ value: 100, currency: null })).toEqual([
      { path: "body.currency", message: expect.any(String) },
    ]);
    expect(
      contractProblems({ startDate: "2026-01-01", endDate: "2026-01-01", value: 1, currency: "EUR" }),
    ).toEqual([]);
  });

  it("validates currencies against ISO 4217 and defaults the clause checklist off", () => {
    const base = { partnerId: "7d7f6c1e-3b8a-4d6e-9a34-0c2e1f5b9a10", type: "msa", title: "MSA" };
    expect(CreateContract.safeParse({ ...base, value: 10, currency: "eur" }).data?.currency).toBe("EUR");
    expect(CreateContract.safeParse({ ...base, value: 10, currency: "XXY" }).success).toBe(false);
    expect(CreateContract.parse(base)).toMatchObject({ status: "draft", autoRenewal: false });
  });
});
