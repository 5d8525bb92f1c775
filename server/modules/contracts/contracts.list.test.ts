import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { runContractHousekeeping } from "../reminders/contracts-housekeeping.js";
import { buildContract, buildContractSessions, type ContractSessions } from "./contracts.testkit.js";

const env = useTestApp();
const list = (s: Session | null, query = "") => call(env, s, { url: `/api/v1/contracts${query}` });
const calendar = (s: Session | null, query: string) =>
  call(env, s, { url: `/api/v1/contracts/renewal-calendar${query}` });

let c: ContractSessions;
let partnerId: string;
const today = todayUtc();
const ids: Record<string, string> = {};
beforeAll(async () => {
  c = await buildContractSessions(env);
  partnerId = (await buildPartner(env, c.admin)).id;
  const make = async (key: string, o: object) =>
    (ids[key] = (await buildContract(env, c.admin, partnerId, { title: key, ...o })).id);
  await make("Alpha soon", { endDate: addDays(today, 40), noticePeriodDaysOurs: 30 });
  await make("Bravo late", { type: "nda", endDate: addDays(today, 400), noticePeriodDaysOurs: 30 });
  await make("Charlie open-ended", { type: "sla", status: "draft" });
  await make("Delta renewing", {
    endDate: addDays(today, -10),
    autoRenewal: true,
    renewalTermMonths: 12,
    noticePeriodDaysOurs: 0,
  });
});

const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

describe("listing contracts", () => {
  it("sorts by stored notice deadline, undated last, and pages with a cursor", async () => {
    const first = await list(c.viewer, `?partnerId=${partnerId}&limit=2`);
    expect(first.statusCode).toBe(200);
    // Delta's term rolled forward to ~today + 355, so its deadline precedes Bravo's (today + 370).
    expect(titles(first)).toEqual(["Alpha soon", "Delta renewing"]);
    const next = await list(c.viewer, `?partnerId=${partnerId}&limit=2&cursor=${first.json().nextCursor}`);
    expect(titles(next)).toEqual(["Bravo late", "Charlie open-ended"]);
    expect(next.json().nextCursor).toBeNull();
    const item = first.json().items[0];
    expect(item.notice).toMatchObject({ status: "due_soon", date: addDays(today, 10), daysUntil: 10 });
    expect(item.clauseCoverage).toEqual({ present: 0, total: 8 });
  });

  it("sorts by title, end date and creation", async () => {
    expect(titles(await list(c.admin, `?partnerId=${partnerId}&sort=-title`))).toEqual([
      "Delta renewing",
      "Charlie open-ended",
      "Bravo late",
      "Alpha soon",
    ]);
    expect(titles(await list(c.admin, `?partnerId=${partnerId}&sort=endDate`))[0]).toBe("Delta renewing");
    expect(titles(await list(c.admin, `?partnerId=${partnerId}&sort=createdAt`))[0]).toBe("Alpha soon");
  });

  it("filters by type, status, expiry window, notice window and text", async () => {
    const q = `?partnerId=${partnerId}`;
    expect(titles(await list(c.admin, `${q}&type=nda&type=sla`)).sort()).toEqual([
      "Bravo late",
      "Charlie open-ended",
    ]);
    expect(titles(await list(c.admin, `${q}&status=draft`))).toEqual(["Charlie open-ended"]);
    expect(titles(await list(c.admin, `${q}&expiringWithinDays=60`))).toEqual(["Alpha soon"]);
    expect(titles(await list(c.admin, `${q}&noticeDueWithinDays=30`))).toEqual(["Alpha soon"]);
    expect(titles(await list(c.admin, `${q}&q=bravo`))).toEqual(["Bravo late"]);
  });

  it("rejects bad queries (400) and foreign cursors (422); 401, 403 for partner users", async () => {
    problem(await list(c.admin, "?type=lease"), 400, "validation_failed");
    problem(await list(c.admin, "?sort=value"), 400);
    problem(await list(c.admin, "?sort=title&cursor=abc"), 422, "validation_failed");
    problem(await list(null), 401);
    problem(await list(c.partnerUser), 403);
  });

  it("the nightly housekeeping moves a stored deadline on once an auto-renewing term has rolled over", async () => {
    // As if Delta had last been written before its end date passed.
    await env.ctx.database.pool.query("UPDATE contracts SET notice_deadline = $1 WHERE id = $2", [
      addDays(today, -10),
      ids["Delta renewing"],
    ]);
    // Lists read the stored column (sorting and filtering use its index); the nightly job keeps it
    // current, with an audit event, rather than a read silently writing.
    const stale = await list(c.admin, `?partnerId=${partnerId}&noticeDueWithinDays=30`);
    expect(titles(stale)).toContain("Delta renewing");
    await runContractHousekeeping(env.ctx.database.db, today);
    const res = await list(c.admin, `?partnerId=${partnerId}&noticeDueWithinDays=30`);
    expect(titles(res)).toEqual(["Alpha soon"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT notice_deadline::text AS d FROM contracts WHERE id = $1",
      [ids["Delta renewing"]],
    );
    expect(rows[0].d > today).toBe(true);
  });

  it("shows nothing of another organization", async () => {
    expect((await list(c.other, `?partnerId=${partnerId}`)).json().items).toEqual([]);
  });
});

describe("the renewal calendar", () => {
  it("lists notice deadlines and term ends in the window, renewals rolled forward", async () => {
    const res = await calendar(c.viewer, `?from=${today}&to=${addDays(today, 380)}`);
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.filter((e: { partner: { id: string } }) => e.partner.id === partnerId);
    const delta = mine.filter((e: { contract: { id: string } }) => e.contract.id === ids["Delta renewing"]);
    expect(delta.map((e: { kind: string }) => e.kind)).toEqual(["notice_deadline", "end_date"]);
    const alpha = mine.filter((e: { contract: { id: string } }) => e.contract.id === ids["Alpha soon"]);
    expect(alpha.map((e: { date: string; kind: string }) => [e.date, e.kind])).toEqual([
      [addDays(today, 10), "notice_deadline"],
      [addDays(today, 40), "end_date"],
    ]);
    expect(mine.some((e: { contract: { id: string } }) => e.contract.id === ids["Bravo late"])).toBe(true);
    const dates = res.json().items.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("refuses inverted or over-long windows (422) and missing dates (400); 401, 403", async () => {
    problem(await calendar(c.admin, `?from=${today}&to=${addDays(today, -1)}`), 422, "validation_failed");
    problem(await calendar(c.admin, `?from=${today}&to=${addDays(today, 800)}`), 422);
    problem(await calendar(c.admin, `?from=${today}`), 400);
    problem(await calendar(null, `?from=${today}&to=${today}`), 401);
    problem(await calendar(c.partnerUser, `?from=${today}&to=${today}`), 403);
  });
});

describe("the CSV export", () => {
  it("exports the filtered contracts with formula-protected text; partner users 403", async () => {
    await buildContract(env, c.admin, partnerId, { title: "=HYPERLINK(1)", type: "other" });
    const res = await call(env, c.viewer, {
      url: `/api/v1/contracts/export.csv?partnerId=${partnerId}&type=other`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body.trim().split("\n");
    expect(lines[0]).toContain("id,partner,type,title");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=HYPERLINK(1)");
    problem(await call(env, c.partnerUser, { url: "/api/v1/contracts/export.csv" }), 403);
    problem(await call(env, null, { url: "/api/v1/contracts/export.csv" }), 401);
  });
});
