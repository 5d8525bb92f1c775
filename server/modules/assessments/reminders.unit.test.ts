import { describe, expect, it } from "vitest";
import { addDays } from "../../../domain/time.js";
import { type AssessmentReminderRow, assessmentReminderEvents, assessmentStage } from "./reminders.js";

const today = "2026-11-28";
const row = (days: number, o: Partial<AssessmentReminderRow> = {}): AssessmentReminderRow => ({
  id: "a1",
  partnerName: "Acme",
  templateTitle: "Information security",
  dueDate: addDays(today, days),
  createdBy: "creator",
  partnerUserIds: ["p1", "p2", "p1"],
  ...o,
});

describe("assessment reminders", () => {
  it("stages: 7 within a week, 3 within three days, 1 the day before and on the day, none otherwise", () => {
    expect([8, 7, 4, 3, 2, 1, 0, -1].map(assessmentStage)).toEqual([
      null,
      "7",
      "7",
      "3",
      "3",
      "1",
      "1",
      null,
    ]);
  });

  it("tells the partner's users in the portal and the creator on the review screen, keyed apart", () => {
    const [partner, staff, ...rest] = assessmentReminderEvents([row(7)], today);
    expect(rest).toEqual([]);
    const key = `assessment_due:a1:${addDays(today, 7)}:7`;
    expect(partner).toMatchObject({
      type: "assessment_due",
      key,
      title: "Questionnaire due in 7 days: Information security",
      link: "/portal/assessments/a1",
      subject: { type: "assessment", id: "a1" },
      recipients: ["p1", "p2"],
    });
    expect(staff).toMatchObject({
      type: "assessment_due",
      key: `${key}:staff`,
      title: "Assessment due in 7 days: Information security (Acme)",
      link: "/assessments/a1",
      recipients: ["creator"],
    });
  });

  it("a missed day sends only the nearest stage; a moved due date gives new keys", () => {
    // The job did not run on day 3: on day 2 the "3" stage is sent, not "7" again.
    expect(assessmentReminderEvents([row(2)], today)[0].key).toBe(`assessment_due:a1:${addDays(today, 2)}:3`);
    const moved = assessmentReminderEvents([row(7, { dueDate: addDays(today, 6) })], today)[0].key;
    expect(moved).toBe(`assessment_due:a1:${addDays(today, 6)}:7`);
    expect(assessmentReminderEvents([row(0)], today)[0].title).toBe(
      "Questionnaire due today: Information security",
    );
    expect(assessmentReminderEvents([row(1)], today)[0].title).toContain("due tomorrow");
  });

  it("overdue once per due date, whatever its age; nothing more than a week ahead", () => {
    for (const days of [-1, -30]) {
      const [partner, staff] = assessmentReminderEvents([row(days)], today);
      expect(partner.key).toBe(`assessment_overdue:a1:${addDays(today, days)}`);
      expect(partner.type).toBe("assessment_overdue");
      expect(staff.key).toBe(`assessment_overdue:a1:${addDays(today, days)}:staff`);
    }
    expect(assessmentReminderEvents([row(8)], today)).toEqual([]);
  });

  it("skips an audience with nobody in it (no partner users yet, a drafted reassessment's creator)", () => {
    expect(assessmentReminderEvents([row(3, { partnerUserIds: [] })], today).map((e) => e.link)).toEqual([
      "/assessments/a1",
    ]);
    expect(assessmentReminderEvents([row(3, { createdBy: null })], today).map((e) => e.link)).toEqual([
      "/portal/assessments/a1",
    ]);
  });
});
