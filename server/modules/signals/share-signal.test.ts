import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { RiskSignal } from "../../../domain/signals/api.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildOrg, buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import { documentShares } from "../documents/documents.tables.js";
import { buildDocument, tempDataDir } from "../documents/documents.testkit.js";
import { JOBS } from "../jobs.js";
import { buildNda } from "../ndas/ndas.testkit.js";
import { auditEvents } from "../partners/partners.testkit.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
const today = todayUtc();
const DAY = 86_400_000;

const WITHOUT_NDA = "confidential_shared_without_nda";
const EXPIRING = "nda_expiring_with_shares";

/** The partner's signal of `rule` (at most one per partner), or undefined. */
async function signalOf(s: Session, partnerId: string, rule: string): Promise<RiskSignal | undefined> {
  const res = await call(env, s, { url: `/api/v1/risk-signals?partnerId=${partnerId}&rule=${rule}` });
  expect(res.statusCode, res.body).toBe(200);
  const { items } = res.json() as { items: RiskSignal[] };
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0];
}

/**
 * Shares a document with the partner by inserting the row (as the shares service does, without
 * its NDA check: a share that outlives its NDA is exactly what the rules look for).
 */
async function share(s: Session, documentId: string, partnerId: string, days = 60) {
  const [row] = await env.ctx.database.db
    .insert(documentShares)
    .values({
      orgId: s.orgId,
      documentId,
      partnerId,
      scope: "partner",
      expiresAt: new Date(Date.now() + days * DAY),
      createdBy: s.userId,
    })
    .returning({ id: documentShares.id });
  return row.id;
}

/** `POST /risk-signals/evaluate`: what a risk owner runs after changes the engine was not told of. */
async function evaluate(s: Session) {
  const res = await call(env, s, { method: "POST", url: "/api/v1/risk-signals/evaluate" });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const nightly = () => JOBS.find((j) => j.name === "risk-signals-nightly")?.handler(env.ctx, {});

describe("document-sharing signals: raised by live shares, resolved by NDAs, revocation and expiry", () => {
  let a: Session;
  let b: Session;
  let partnerA: { id: string; name: string };
  let partnerB: { id: string };
  let confidential: { id: string };
  let restricted: { id: string };
  let raised: RiskSignal;
  let ndaId: string;
  let shareIds: string[];

  beforeAll(async () => {
    [a, b] = [await buildOrg(env), await buildOrg(env)];
    partnerA = await buildPartner(env, a, { status: "active" });
    partnerB = await buildPartner(env, b, { status: "active" });
    confidential = await buildDocument(env, a, { title: "Payments spec", classification: "confidential" });
    restricted = await buildDocument(env, a, { title: "Key ceremony", classification: "restricted" });
    const internal = await buildDocument(env, a, { title: "Brochure", classification: "internal" });
    await share(a, internal.id, partnerA.id);
  });

  it("lists both rules with what they read", async () => {
    const res = await call(env, a, { url: "/api/v1/risk-signals/rules" });
    const rules = res.json().items.filter((r: { id: string }) => r.id === WITHOUT_NDA || r.id === EXPIRING);
    expect(rules).toHaveLength(2);
    for (const r of rules)
      expect(r).toMatchObject({
        category: { key: "intellectual_property" },
        reads: ["partners", "documentShares", "ndas"],
        scope: "partner",
      });
  });

  it("an internal document shared raises nothing; a confidential one without an NDA raises, audited", async () => {
    await evaluate(a);
    expect(await signalOf(a, partnerA.id, WITHOUT_NDA)).toBeUndefined();
    shareIds = [await share(a, confidential.id, partnerA.id)];
    const eventsB = (await auditEvents(env, b.orgId)).length;
    await evaluate(a);
    const s = await signalOf(a, partnerA.id, WITHOUT_NDA);
    expect(s).toMatchObject({
      status: "open",
      subjectKey: `partner:${partnerA.id}:shared-without-nda`,
      category: { key: "intellectual_property" },
      likelihood: 4,
      impact: 4,
    });
    expect(s?.explanation).toContain("'Payments spec' (confidential)");
    expect(s?.facts).toContainEqual({
      label: "NDAs in force",
      value: "none",
      source: "Outsight NDA register",
    });
    raised = s as RiskSignal;
    const events = (await auditEvents(env, a.orgId, raised.id)).map((e) => [e.action, e.actor_id]);
    expect(events).toEqual([["risk_signal.raise", a.userId]]);
    expect(await signalOf(a, partnerA.id, EXPIRING)).toBeUndefined();
    // The other organization is untouched.
    expect((await auditEvents(env, b.orgId)).length).toBe(eventsB);
  });

  it("another organization's share raises only there, and only when it evaluates", async () => {
    const docB = await buildDocument(env, b, { classification: "confidential" });
    await share(b, docB.id, partnerB.id);
    expect(await signalOf(b, partnerB.id, WITHOUT_NDA)).toBeUndefined();
    await evaluate(b);
    expect(await signalOf(b, partnerB.id, WITHOUT_NDA)).toMatchObject({ status: "open" });
    const cross = await call(env, a, {
      url: `/api/v1/risk-signals?partnerId=${partnerB.id}&rule=${WITHOUT_NDA}`,
    });
    expect(cross.statusCode, cross.body).toBe(200);
    expect(cross.json().items).toEqual([]);
  });

  it("a restricted document shared too raises the impact to 5", async () => {
    shareIds.push(await share(a, restricted.id, partnerA.id));
    await evaluate(a);
    const s = await signalOf(a, partnerA.id, WITHOUT_NDA);
    expect(s).toMatchObject({ id: raised.id, status: "open", impact: 5 });
    expect(s?.facts).toContainEqual({
      label: "Classifications",
      value: "1 restricted, 1 confidential",
      source: "Outsight document shares",
    });
  });

  it("an NDA in force resolves it in the same request", async () => {
    ndaId = (await buildNda(env, a, partnerA.id)).id;
    expect(await signalOf(a, partnerA.id, WITHOUT_NDA)).toMatchObject({ id: raised.id, status: "resolved" });
    expect(await signalOf(a, partnerA.id, EXPIRING)).toBeUndefined();
    // Org B's partner still has no NDA.
    expect((await signalOf(b, partnerB.id, WITHOUT_NDA))?.status).toBe("open");
  });

  it("the NDA ending within 30 days raises nda_expiring_with_shares; a renewal resolves it", async () => {
    const end = addDays(today, 12);
    const res = await call(env, a, {
      method: "PATCH",
      url: `/api/v1/ndas/${ndaId}`,
      payload: { expiryDate: end },
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = await signalOf(a, partnerA.id, EXPIRING);
    expect(s).toMatchObject({
      status: "open",
      subjectKey: `partner:${partnerA.id}:nda-expiring`,
      category: { key: "intellectual_property" },
      likelihood: 3,
      impact: 4,
    });
    expect(s?.facts).toContainEqual({ label: "NDA cover ends", value: end, source: "Outsight NDA register" });
    expect((await signalOf(a, partnerA.id, WITHOUT_NDA))?.status).toBe("resolved");
    // Unchanged facts: re-evaluating writes nothing.
    expect(await evaluate(a)).toMatchObject({ raised: 0, updated: 0, reopened: 0, resolved: 0 });

    const renewal = await buildNda(env, a, partnerA.id, {
      effectiveDate: addDays(end, 1),
      expiryDate: addDays(end, 366),
    });
    expect((await signalOf(a, partnerA.id, EXPIRING))?.status).toBe("resolved");
    const del = await call(env, a, { method: "DELETE", url: `/api/v1/ndas/${renewal.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expect((await signalOf(a, partnerA.id, EXPIRING))?.status).toBe("open");
  });

  it("revoking one share and the other expiring: the nightly run resolves it", async () => {
    const { db } = env.ctx.database;
    await db
      .update(documentShares)
      .set({ revokedAt: new Date(), revokedBy: a.userId })
      .where(and(eq(documentShares.id, shareIds[0]), eq(documentShares.orgId, a.orgId)));
    await evaluate(a);
    const s = await signalOf(a, partnerA.id, EXPIRING);
    expect(s).toMatchObject({ status: "open", impact: 4 });
    expect(s?.facts).toContainEqual({
      label: "Documents",
      value: "'Key ceremony' (restricted)",
      source: "Outsight document shares",
    });
    // The calendar moves without an edit: stand in for the share's end by moving it to the past.
    await db
      .update(documentShares)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(documentShares.id, shareIds[1]));
    expect(await nightly()).toMatchObject({ resolved: expect.any(Number) });
    expect((await signalOf(a, partnerA.id, EXPIRING))?.status).toBe("resolved");
    const [action, actor] =
      (await auditEvents(env, a.orgId, s?.id)).map((e) => [e.action, e.actor_id]).at(-1) ?? [];
    expect(action).toBe("risk_signal.resolve");
    expect(actor).not.toBe(a.userId);
    // Org B's share is still live and its partner still has no NDA: the nightly run leaves it open.
    expect((await signalOf(b, partnerB.id, WITHOUT_NDA))?.status).toBe("open");
  });

  it("keeps the audit hash chains intact", async () => {
    for (const s of [a, b]) {
      const verify = await call(env, s, { url: "/api/v1/audit-events/verify" });
      expect(verify.json()).toMatchObject({ ok: true });
    }
  });
});
