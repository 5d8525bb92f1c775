import { beforeAll, describe, expect, it } from "vitest";
import type { RiskSignal } from "../../../domain/signals/api.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { JOBS } from "../jobs.js";
import { buildNda } from "../ndas/ndas.testkit.js";
import { auditEvents } from "../partners/partners.testkit.js";

const env = useTestApp();
const today = todayUtc();

/** The partner's `no_nda` signal (there is at most one per partner), or undefined. */
async function ndaSignal(s: Session, partnerId: string): Promise<RiskSignal | undefined> {
  const res = await call(env, s, { url: `/api/v1/risk-signals?partnerId=${partnerId}&rule=no_nda` });
  expect(res.statusCode, res.body).toBe(200);
  const { items } = res.json() as { items: RiskSignal[] };
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0];
}

/** An active partner providing a service with personal data: the rule's subject. */
async function servedPartner(s: Session, dataCategories = ["personal_data"]) {
  const p = await buildPartner(env, s, { country: "DE", status: "active" });
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${p.id}/services`,
    payload: { name: "Payroll", function: "HR", criticality: "important", dataCategories },
  });
  expect(res.statusCode, res.body).toBe(201);
  return p;
}

const signalActions = async (orgId: string, id: string) =>
  (await auditEvents(env, orgId, id)).map((e) => [e.action, e.actor_id]);

describe("no_nda signal: raised, resolved and brought back by the NDA register", () => {
  let a: Session;
  let b: Session;
  let partnerA: { id: string; name: string };
  let partnerB: { id: string };
  let raised: RiskSignal;
  let ndaId: string;

  beforeAll(async () => {
    [a, b] = [await buildOrg(env), await buildOrg(env)];
    partnerA = await servedPartner(a);
    partnerB = await servedPartner(b, ["health"]);
  });

  it("is listed by the rules endpoint with what it reads", async () => {
    const res = await call(env, a, { url: "/api/v1/risk-signals/rules" });
    expect(res.statusCode, res.body).toBe(200);
    const rule = res.json().items.find((r: { id: string }) => r.id === "no_nda");
    expect(rule).toMatchObject({
      category: { key: "data_security" },
      reads: ["partners", "services", "ndas"],
      bounds: [],
      scope: "partner",
    });
  });

  it("raises for an active partner with personal data and no NDA, explained and audited", async () => {
    const s = await ndaSignal(a, partnerA.id);
    expect(s).toMatchObject({
      status: "open",
      subjectKey: `partner:${partnerA.id}:nda`,
      partner: { id: partnerA.id },
      category: { key: "data_security" },
      likelihood: 3,
      impact: 4,
    });
    expect(s?.explanation).toContain("no NDA with it is on record");
    expect(s?.facts).toContainEqual({
      label: "NDAs in force",
      value: "none",
      source: "Outsight NDA register",
    });
    raised = s as RiskSignal;
    expect(await signalActions(a.orgId, raised.id)).toEqual([["risk_signal.raise", a.userId]]);
    expect((await ndaSignal(b, partnerB.id))?.impact).toBe(5);
  });

  it("an NDA in force resolves it in the same request, audited as the NDA's author; the other org is untouched", async () => {
    const before = await ndaSignal(b, partnerB.id);
    const eventsB = (await auditEvents(env, b.orgId)).length;
    ndaId = (await buildNda(env, a, partnerA.id)).id;
    expect(await ndaSignal(a, partnerA.id)).toMatchObject({ id: raised.id, status: "resolved" });
    expect(await signalActions(a.orgId, raised.id)).toEqual([
      ["risk_signal.raise", a.userId],
      ["risk_signal.resolve", a.userId],
    ]);
    expect(await ndaSignal(b, partnerB.id)).toEqual(before);
    expect((await auditEvents(env, b.orgId)).length).toBe(eventsB);
  });

  it("another organization cannot reach the NDA (404) nor file one for the partner (422 unknown partner); nothing moves", async () => {
    problem(
      await call(env, b, { method: "PATCH", url: `/api/v1/ndas/${ndaId}`, payload: { expiryDate: today } }),
      404,
      "not_found",
    );
    problem(await call(env, b, { method: "DELETE", url: `/api/v1/ndas/${ndaId}` }), 404, "not_found");
    const res = await call(env, b, {
      method: "POST",
      url: "/api/v1/ndas",
      payload: {
        partnerId: partnerA.id,
        type: "mutual",
        scope: "x",
        effectiveDate: today,
        signatories: [{ name: "Eve", role: "CEO", party: "ours" }],
      },
    });
    expect(problem(res, 422, "validation_failed").errors?.map((e) => e.path)).toEqual(["body.partnerId"]);
    expect((await ndaSignal(a, partnerA.id))?.status).toBe("resolved");
  });

  it("comes back when the NDA is changed to have expired, naming the lapse", async () => {
    const res = await call(env, a, {
      method: "PATCH",
      url: `/api/v1/ndas/${ndaId}`,
      payload: { effectiveDate: addDays(today, -400), expiryDate: addDays(today, -1) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = await ndaSignal(a, partnerA.id);
    expect(s).toMatchObject({ id: raised.id, status: "open" });
    expect(s?.explanation).toContain(`its last NDA expired on ${addDays(today, -1)}`);
    expect((await signalActions(a.orgId, raised.id)).at(-1)).toEqual(["risk_signal.reopen", a.userId]);
  });

  it("deleting the NDA updates the facts of the open signal", async () => {
    const res = await call(env, a, { method: "DELETE", url: `/api/v1/ndas/${ndaId}` });
    expect(res.statusCode, res.body).toBe(204);
    const s = await ndaSignal(a, partnerA.id);
    expect(s).toMatchObject({ status: "open" });
    expect(s?.facts).toContainEqual({
      label: "NDAs on record",
      value: "none",
      source: "Outsight NDA register",
    });
    expect((await signalActions(a.orgId, raised.id)).at(-1)).toEqual(["risk_signal.update", a.userId]);
  });

  it("an NDA signed for later lowers the likelihood; the nightly job resolves it once the date comes", async () => {
    const upcoming = await buildNda(env, a, partnerA.id, {
      effectiveDate: addDays(today, 1),
      expiryDate: addDays(today, 365),
    });
    expect(upcoming.status).toBe("upcoming");
    const s = await ndaSignal(a, partnerA.id);
    expect(s).toMatchObject({ status: "open", likelihood: 2 });
    expect(s?.explanation).toContain(`a signed NDA only takes effect on ${addDays(today, 1)}`);

    // The calendar moves without an edit: stand in for tomorrow by moving the NDA's start to today.
    await env.ctx.database.pool.query("UPDATE ndas SET effective_date = $1 WHERE id = $2 AND org_id = $3", [
      today,
      upcoming.id,
      a.orgId,
    ]);
    expect((await ndaSignal(a, partnerA.id))?.status).toBe("open");
    const nightly = JOBS.find((j) => j.name === "risk-signals-nightly");
    expect(await nightly?.handler(env.ctx, {})).toMatchObject({ resolved: 1 });
    expect((await ndaSignal(a, partnerA.id))?.status).toBe("resolved");
    const [action, actor] = (await signalActions(a.orgId, raised.id)).at(-1) ?? [];
    expect(action).toBe("risk_signal.resolve");
    expect(actor).not.toBe(a.userId);
    // Org B's partner still has no NDA: the nightly run leaves its signal open.
    expect((await ndaSignal(b, partnerB.id))?.status).toBe("open");
  });

  it("keeps the audit hash chain intact", async () => {
    const verify = await call(env, a, { url: "/api/v1/audit-events/verify" });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
