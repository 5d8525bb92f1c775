import { describe, expect, it } from "vitest";
import { addDays } from "../../../domain/time.js";
import {
  contractReviewEvents,
  endingEvents,
  type NoticeRow,
  noticeEvents,
  noticeStage,
  obligationEvents,
  riskReviewEvents,
} from "./reminders.plan.js";

const today = "2026-11-28";
const to = { contracts: ["admin", "vm"], obligations: ["vm", "co"], risks: ["rm"] };

/** A contract whose notice deadline is `days` away (end date `days` + 30 days, notice 30 days). */
const noticeRow = (days: number, o: Partial<NoticeRow> = {}): NoticeRow => ({
  id: "c1",
  title: "MSA",
  partnerName: "Acme",
  ownerId: "owner",
  status: "active",
  endDate: addDays(today, days + 30),
  autoRenewal: false,
  renewalTermMonths: null,
  noticePeriodDaysOurs: 30,
  ...o,
});

describe("notice-deadline reminders", () => {
  it("stages: 30 within a month, 7 within a week, 0 on the day, none before or after", () => {
    expect([31, 30, 8, 7, 1, 0, -1].map(noticeStage)).toEqual([null, "30", "30", "7", "7", "0", null]);
  });

  it("keys the event by contract, deadline and stage, and tells owner, admins and vendor managers", () => {
    const [e, ...rest] = noticeEvents([noticeRow(7)], today, to);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      type: "notice_deadline",
      key: `notice_deadline:c1:${addDays(today, 7)}:7`,
      title: "Notice deadline in 7 days: MSA (Acme)",
      link: "/contracts/c1",
      subject: { type: "contract", id: "c1" },
    });
    expect(e.recipients).toEqual(["owner", "admin", "vm"]);
    expect(e.body).toContain(`Without notice it ends on ${addDays(today, 37)}.`);
  });

  it("says what an auto-renewing contract renews for, and 'today' on the day", () => {
    const row = noticeRow(0, { autoRenewal: true, renewalTermMonths: 12, endDate: "2026-12-28" });
    const [e] = noticeEvents([row], today, to);
    expect(e.key).toBe(`notice_deadline:c1:${today}:0`);
    expect(e.title).toBe("Notice deadline today: MSA (Acme)");
    expect(e.body).toContain("renews automatically for 12 months, until 2027-12-28");
  });

  it("recomputes a stale stored deadline: a rolled-over term far away reminds of nothing", () => {
    const rolled = noticeRow(0, { endDate: addDays(today, -10), autoRenewal: true, renewalTermMonths: 12 });
    expect(noticeEvents([rolled], today, to)).toEqual([]);
    expect(noticeEvents([noticeRow(31), noticeRow(-1)], today, to)).toEqual([]);
  });

  it("a moved deadline gets a new key", () => {
    const [a] = noticeEvents([noticeRow(20)], today, to);
    const [b] = noticeEvents([noticeRow(25)], today, to);
    expect(a.key).not.toBe(b.key);
  });

  it("does not tell anyone twice when the owner is also an admin", () => {
    const [e] = noticeEvents([noticeRow(3, { ownerId: "admin" })], today, to);
    expect(e.recipients).toEqual(["admin", "vm"]);
  });
});

describe("other reminders", () => {
  it("contracts ending within 30 days, keyed by end date", () => {
    const row = { id: "c2", title: "SOW", partnerName: "Acme", ownerId: null, endDate: addDays(today, 30) };
    const [e] = endingEvents([row, { ...row, id: "c3", endDate: addDays(today, 31) }], today, to);
    expect(e).toMatchObject({ key: `contract_ending:c2:${addDays(today, 30)}`, recipients: ["admin", "vm"] });
    expect(e.title).toBe("Contract ending in 30 days: SOW (Acme)");
  });

  it("obligations due within 7 days or overdue, with the contract's link and owner", () => {
    const base = {
      title: "Quarterly report",
      side: "theirs",
      contractId: "c1",
      contractTitle: "MSA",
      partnerName: "Acme",
      ownerId: "owner",
    };
    const events = obligationEvents(
      [
        { ...base, id: "o1", dueDate: addDays(today, 7) },
        { ...base, id: "o2", dueDate: addDays(today, -3) },
        { ...base, id: "o3", dueDate: addDays(today, 8) },
      ],
      today,
      to,
    );
    expect(events.map((e) => e.key)).toEqual([
      `obligation_due:o1:${addDays(today, 7)}`,
      `obligation_overdue:o2:${addDays(today, -3)}`,
    ]);
    expect(events[1]).toMatchObject({
      type: "obligation_overdue",
      link: "/contracts/c1",
      subject: { type: "obligation", id: "o2" },
      recipients: ["owner", "vm", "co"],
    });
    expect(events[1].body).toContain("3 days ago");
  });

  it("contract and risk reviews due on or before today", () => {
    const c = { id: "c1", title: "MSA", partnerName: "Acme", ownerId: null, nextReviewDate: today };
    expect(contractReviewEvents([c, { ...c, nextReviewDate: addDays(today, 1) }], today, to)).toHaveLength(1);
    const [r] = riskReviewEvents(
      [
        {
          id: "r1",
          title: "Key person",
          partnerName: null,
          ownerId: "ro",
          nextReviewDate: addDays(today, -2),
        },
      ],
      today,
      to,
    );
    expect(r).toMatchObject({
      type: "risk_review_due",
      key: `risk_review_due:r1:${addDays(today, -2)}`,
      link: "/risks/r1",
      title: "Risk review due: Key person",
      recipients: ["ro", "rm"],
    });
  });
});
