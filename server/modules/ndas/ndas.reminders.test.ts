import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, buildUser, call, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { runReminders } from "../reminders/reminders.service.js";
import { buildNda } from "./ndas.testkit.js";

const env = useTestApp();
const today = todayUtc();
let c: ContractSessions;
let creator: Session;
let otherVm: Session;

/** The user's `nda_expiring` notification titles. */
async function ndaTitles(s: Session) {
  const res = await call(env, s, { url: "/api/v1/notifications?limit=100&type=nda_expiring" });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { title: string }[]).map((n) => n.title).sort();
}

beforeAll(async () => {
  c = await buildContractSessions(env);
  // A second admin creates the NDAs: admins are not told, except as the creator.
  creator = await buildUser(env, c.admin.orgId, "admin");
  const acme = await buildPartner(env, c.admin, { name: "Acme Hosting" });
  const beta = await buildPartner(env, c.admin, { name: "Beta Labs" });
  await buildNda(env, creator, acme.id, { expiryDate: addDays(today, 25) });
  await buildNda(env, creator, beta.id, { expiryDate: addDays(today, 5) });
  await buildNda(env, creator, beta.id, { scope: "Far away", expiryDate: addDays(today, 31) });
  await buildNda(env, creator, beta.id, {
    scope: "Gone",
    effectiveDate: addDays(today, -90),
    expiryDate: addDays(today, -1),
  });
  const o = c.other;
  otherVm = await buildUser(env, o.orgId, "vendor_manager");
  await buildNda(env, o, (await buildPartner(env, o, { name: "Their Partner" })).id, {
    expiryDate: addDays(today, 300),
  });
});

describe("NDA expiry reminders", () => {
  it("tell vendor managers, compliance officers and the creator, once per stage", async () => {
    const run = await runReminders(env.ctx.database.db, today);
    expect(run.due.nda_expiring).toBe(2);
    const expected = ["NDA expiring in 25 days: Acme Hosting", "NDA expiring in 5 days: Beta Labs"];
    expect(await ndaTitles(c.vendorManager)).toEqual(expected);
    expect(await ndaTitles(c.compliance)).toEqual(expected);
    expect(await ndaTitles(creator)).toEqual(expected);
    expect(await ndaTitles(c.admin)).toEqual([]);
    expect(await ndaTitles(c.viewer)).toEqual([]);
    expect(await ndaTitles(c.riskManager)).toEqual([]);

    const again = await runReminders(env.ctx.database.db, today);
    expect(again.due.nda_expiring).toBe(2);
    expect(await ndaTitles(c.vendorManager)).toEqual(expected);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM notification_events WHERE type = 'nda_expiring' AND org_id = $1",
      [c.admin.orgId],
    );
    // One event per NDA and stage, not doubled by the second run.
    expect(rows[0].n).toBe(2);
  });

  it("remind again at the 7-day stage and leave the other organization untouched", async () => {
    await runReminders(env.ctx.database.db, addDays(today, 20));
    expect(await ndaTitles(c.vendorManager)).toEqual(
      [
        "NDA expiring in 25 days: Acme Hosting",
        "NDA expiring in 5 days: Beta Labs",
        "NDA expiring in 5 days: Acme Hosting",
        "NDA expiring in 11 days: Beta Labs",
      ].sort(),
    );
    expect(await ndaTitles(otherVm)).toEqual([]);
    expect(await ndaTitles(c.other)).toEqual([]);
  });
});
