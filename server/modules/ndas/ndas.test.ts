import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildContractSessions,
  type ContractSessions,
  expectField,
  MISSING,
} from "../contracts/contracts.testkit.js";
import { ndaInForce } from "./ndas.service.js";
import { buildNda, ndaBody } from "./ndas.testkit.js";

const env = useTestApp();
const BASE = "/api/v1/ndas";
const today = todayUtc();

const post = (s: Session | null, payload: object) => call(env, s, { method: "POST", url: BASE, payload });
const get = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}` });
const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload });
const del = (s: Session | null, id: string) => call(env, s, { method: "DELETE", url: `${BASE}/${id}` });

let c: ContractSessions;
beforeAll(async () => {
  c = await buildContractSessions(env);
});

describe("creating an NDA", () => {
  it("answers 201 with the derived status and countdown; records nda.create", async () => {
    const res = await post(c.vendorManager, ndaBody(c.partnerId));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      partner: { id: c.partnerId },
      type: "mutual",
      status: "in_force",
      daysToExpiry: 355,
      documentId: null,
      signatories: [
        { name: "Ada Lovelace", party: "ours", signedOn: addDays(today, -10) },
        { name: "Raj Patel", party: "theirs", signedOn: null },
      ],
      createdBy: { id: c.vendorManager.userId },
    });
    expect(await auditActions(env, c.admin.orgId, body.id)).toEqual(["nda.create"]);
    expect((await get(c.viewer, body.id)).json()).toEqual(body);
  });

  it("accepts an open-ended one-way NDA from a compliance officer", async () => {
    const res = await post(c.compliance, ndaBody(c.partnerId, { type: "one_way", expiryDate: null }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: "one_way",
      expiryDate: null,
      daysToExpiry: null,
      status: "in_force",
    });
  });

  it("refuses an expiry not after the effective date and an unknown partner (422 with path)", async () => {
    const same = problem(
      await post(c.admin, ndaBody(c.partnerId, { effectiveDate: "2026-06-01", expiryDate: "2026-06-01" })),
      422,
      "validation_failed",
    );
    expectField(same, "body.expiryDate");
    expectField(problem(await post(c.admin, ndaBody(MISSING)), 422), "body.partnerId");
    // Another organization's partner is as unknown as a missing one.
    expectField(problem(await post(c.other, ndaBody(c.partnerId)), 422), "body.partnerId");
  });

  it("answers 400 to malformed bodies: no signatory, a non-http link, a bad type or date", async () => {
    expectField(
      problem(await post(c.admin, ndaBody(c.partnerId, { signatories: [] })), 400, "validation_failed"),
      "body.signatories",
    );
    expectField(
      problem(await post(c.admin, ndaBody(c.partnerId, { signedDocumentUrl: "javascript:alert(1)" })), 400),
      "body.signedDocumentUrl",
    );
    problem(await post(c.admin, ndaBody(c.partnerId, { signedDocumentUrl: "ftp://x.test/a.pdf" })), 400);
    problem(await post(c.admin, ndaBody(c.partnerId, { type: "three_way" })), 400);
    problem(await post(c.admin, ndaBody(c.partnerId, { effectiveDate: "2026-02-30" })), 400);
    problem(await post(c.admin, ndaBody(c.partnerId, { scope: "  " })), 400);
  });

  it("is refused without a session (401), to read-only staff and partner users (403)", async () => {
    const body = ndaBody(c.partnerId);
    problem(await post(null, body), 401, "unauthenticated");
    problem(await post(c.viewer, body), 403, "forbidden");
    problem(await post(c.riskManager, body), 403, "forbidden");
    problem(await post(c.partnerUser, body), 403, "forbidden");
  });
});

describe("reading an NDA", () => {
  it("answers 404 to another organization's id and a missing one, 401, 403 to partner users, 400", async () => {
    const n = await buildNda(env, c.admin, c.partnerId);
    expect((await get(c.riskManager, n.id)).statusCode).toBe(200);
    problem(await get(c.other, n.id), 404, "not_found");
    problem(await get(c.admin, MISSING), 404, "not_found");
    problem(await get(null, n.id), 401);
    problem(await get(c.partnerUser, n.id), 403, "forbidden");
    problem(await get(c.admin, "nope"), 400);
  });
});

describe("updating an NDA", () => {
  it("changes the fields, re-derives the status and records nda.update with before and after", async () => {
    const n = await buildNda(env, c.admin, c.partnerId);
    const res = await patch(c.compliance, n.id, {
      expiryDate: addDays(today, -1),
      effectiveDate: addDays(today, -400),
      signatories: [{ name: "New Signer", role: "CEO", party: "theirs" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "expired",
      daysToExpiry: -1,
      signatories: [{ name: "New Signer" }],
    });
    expect(await auditActions(env, c.admin.orgId, n.id)).toEqual(["nda.create", "nda.update"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'nda.update'",
      [n.id],
    );
    expect(rows[0].before.expiryDate).toBe(addDays(today, 355));
    expect(rows[0].after.expiryDate).toBe(addDays(today, -1));
  });

  it("checks the expiry against the stored effective date (422) and refuses an empty patch (400)", async () => {
    const n = await buildNda(env, c.admin, c.partnerId, {
      effectiveDate: "2026-01-01",
      expiryDate: "2027-01-01",
    });
    expectField(problem(await patch(c.admin, n.id, { expiryDate: "2025-12-31" }), 422), "body.expiryDate");
    problem(await patch(c.admin, n.id, {}), 400, "validation_failed");
    problem(await patch(c.admin, n.id, { signedDocumentUrl: "data:text/html,x" }), 400);
  });

  it("answers 401, 403 (viewer, partner user) and 404 (other organization)", async () => {
    const n = await buildNda(env, c.admin, c.partnerId);
    problem(await patch(null, n.id, { scope: "x" }), 401);
    problem(await patch(c.viewer, n.id, { scope: "x" }), 403);
    problem(await patch(c.partnerUser, n.id, { scope: "x" }), 403);
    problem(await patch(c.other, n.id, { scope: "x" }), 404, "not_found");
    expect(await auditActions(env, c.admin.orgId, n.id)).toEqual(["nda.create"]);
  });
});

describe("deleting an NDA", () => {
  it("is for admins only, answers 204 and records nda.delete", async () => {
    const n = await buildNda(env, c.admin, c.partnerId);
    problem(await del(null, n.id), 401);
    problem(await del(c.vendorManager, n.id), 403);
    problem(await del(c.partnerUser, n.id), 403);
    problem(await del(c.other, n.id), 404);
    problem(await del(c.admin, "nope"), 400);
    expect((await del(c.admin, n.id)).statusCode).toBe(204);
    problem(await get(c.admin, n.id), 404);
    expect(await auditActions(env, c.admin.orgId, n.id)).toEqual(["nda.create", "nda.delete"]);
  });
});

describe("ndaInForce", () => {
  it("is true from the effective date through the expiry date, inclusive, for that partner only", async () => {
    const { buildPartner } = await import("../../test/harness.js");
    const partner = await buildPartner(env, c.admin);
    const other = await buildPartner(env, c.admin);
    await buildNda(env, c.admin, partner.id, { effectiveDate: "2026-03-01", expiryDate: "2026-08-31" });
    const db = env.ctx.database.db;
    const on = (d: string, p = partner.id, org = c.admin.orgId) => ndaInForce(db, org, p, d);
    expect(await on("2026-02-28")).toBe(false);
    expect(await on("2026-03-01")).toBe(true);
    expect(await on("2026-08-31")).toBe(true);
    expect(await on("2026-09-01")).toBe(false);
    expect(await on("2026-05-01", other.id)).toBe(false);
    expect(await on("2026-05-01", partner.id, c.other.orgId)).toBe(false);
  });
});
