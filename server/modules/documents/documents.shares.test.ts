import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_SHARE_DAYS } from "../../../domain/documents.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { notificationsOf } from "../assessments/assessments.testkit.js";
import {
  auditActions,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";
import { buildNda } from "../ndas/ndas.testkit.js";
import { buildDocument, buildShare, inDays, shareBody, tempDataDir, upload } from "./documents.testkit.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: ContractSessions;
const cast = async () => (s ??= await buildContractSessions(env));
const post = (who: Session | null, id: string, payload: object) =>
  call(env, who, { method: "POST", url: `/api/v1/documents/${id}/shares`, payload });
const get = (who: Session | null, url: string) => call(env, who, { method: "GET", url });
const revoke = (who: Session | null, id: string, shareId: string) =>
  call(env, who, { method: "DELETE", url: `/api/v1/documents/${id}/shares/${shareId}` });
const paths = (body: { errors?: { path: string }[] }) => body.errors?.map((e) => e.path);

describe("POST /api/v1/documents/:id/shares", () => {
  it("shares with a whole partner, audited, and lists it", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    const expiresAt = inDays(14);
    const res = await post(s.vendorManager, doc.id, {
      partnerId: s.partnerId,
      expiresAt,
      allowDownload: false,
      note: "For the kickoff",
    });
    expect(res.statusCode).toBe(201);
    const share = res.json();
    expect(share).toMatchObject({
      documentId: doc.id,
      partner: { id: s.partnerId },
      scope: "partner",
      recipients: [],
      allowDownload: false,
      note: "For the kickoff",
      status: "live",
      createdBy: { id: s.vendorManager.userId },
      revokedBy: null,
      revokedAt: null,
    });
    expect(new Date(share.expiresAt).toISOString()).toBe(new Date(expiresAt).toISOString());
    expect(await auditActions(env, s.admin.orgId, share.id)).toEqual(["document.share"]);
    // A partner-wide share tells every active portal user of the partner, by email only.
    expect(await notificationsOf(env, s.partnerUser.userId)).toContain(
      `document_shared:document_shared:${share.id}`,
    );
    const { rows } = await env.ctx.database.pool.query(
      `SELECT n.in_app AS "inApp", n.email_status AS "emailStatus" FROM notifications n
         JOIN notification_events e ON e.id = n.event_id WHERE e.key = $1`,
      [`document_shared:${share.id}`],
    );
    expect(rows).toEqual([{ inApp: false, emailStatus: "pending" }]);
    expect(await auditActions(env, s.admin.orgId, doc.id)).toContain("document.share");
    const list = await get(s.viewer, `/api/v1/documents/${doc.id}/shares`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([share.id]);
  });

  it("shares with named users of one partner; the partner is theirs", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    const colleague = await buildUser(env, s.admin.orgId, "partner", s.partnerId);
    const bystander = await buildUser(env, s.admin.orgId, "partner", s.partnerId);
    const share = await buildShare(env, s.compliance, doc.id, {
      userIds: [s.partnerUser.userId, colleague.userId],
    });
    expect(share).toMatchObject({ scope: "users", partner: { id: s.partnerId } });
    const listed = (await get(s.admin, `/api/v1/documents/${doc.id}/shares`)).json().items[0];
    expect(listed.recipients.map((r: { id: string }) => r.id).sort()).toEqual(
      [s.partnerUser.userId, colleague.userId].sort(),
    );
    // Only the named users are told (by email: partner users have no inbox).
    expect(await notificationsOf(env, colleague.userId)).toEqual([
      `document_shared:document_shared:${share.id}`,
    ]);
    expect(await notificationsOf(env, bystander.userId)).toEqual([]);
    expect(listed.recipients[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      email: expect.stringContaining("@"),
    });
  });

  it("400 on a malformed body, 422 on foreign or unfit recipients and a bad expiry", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    problem(await post(s.admin, doc.id, { expiresAt: inDays(5) }), 400, "validation_failed");
    problem(
      await post(s.admin, doc.id, {
        partnerId: s.partnerId,
        userIds: [s.partnerUser.userId],
        expiresAt: inDays(5),
      }),
      400,
      "validation_failed",
    );
    problem(await post(s.admin, doc.id, { partnerId: s.partnerId, expiresAt: "tomorrow" }), 400);
    problem(await post(s.admin, "nope", shareBody({ partnerId: s.partnerId })), 400, "validation_failed");
    const foreignPartner = await buildPartner(env, s.other);
    const a = problem(await post(s.admin, doc.id, shareBody({ partnerId: foreignPartner.id })), 422);
    expect(paths(a)).toEqual(["body.partnerId"]);
    const missing = problem(await post(s.admin, doc.id, shareBody({ partnerId: crypto.randomUUID() })), 422);
    expect(paths(missing)).toEqual(["body.partnerId"]);
    // A staff user, another organization's partner user and an unknown id are no recipients.
    const foreignUser = await buildUser(env, s.other.orgId, "partner", foreignPartner.id);
    const b = problem(
      await post(
        s.admin,
        doc.id,
        shareBody({
          userIds: [s.partnerUser.userId, s.viewer.userId, foreignUser.userId, crypto.randomUUID()],
        }),
      ),
      422,
      "validation_failed",
    );
    expect(paths(b)).toEqual(["body.userIds.1", "body.userIds.2", "body.userIds.3"]);
    const inactive = await buildUser(env, s.admin.orgId, "partner", s.partnerId);
    await env.ctx.database.pool.query("UPDATE users SET active = false WHERE id = $1", [inactive.userId]);
    expect(
      paths(problem(await post(s.admin, doc.id, shareBody({ userIds: [inactive.userId] })), 422)),
    ).toEqual(["body.userIds.0"]);
    const p2 = await buildPartner(env, s.admin);
    const p2User = await buildUser(env, s.admin.orgId, "partner", p2.id);
    const mixed = problem(
      await post(s.admin, doc.id, shareBody({ userIds: [s.partnerUser.userId, p2User.userId] })),
      422,
    );
    expect(paths(mixed)).toEqual(["body.userIds"]);
    const past = problem(
      await post(s.admin, doc.id, shareBody({ partnerId: s.partnerId, expiresAt: inDays(-1) })),
      422,
    );
    expect(paths(past)).toEqual(["body.expiresAt"]);
    const far = problem(
      await post(
        s.admin,
        doc.id,
        shareBody({ partnerId: s.partnerId, expiresAt: inDays(MAX_SHARE_DAYS + 1) }),
      ),
      422,
    );
    expect(paths(far)).toEqual(["body.expiresAt"]);
    expect((await get(s.admin, `/api/v1/documents/${doc.id}/shares`)).json().items).toEqual([]);
  });

  it("409 nda_required for a confidential document until an NDA is in force, then shares", async () => {
    await cast();
    const partner = await buildPartner(env, s.admin, { name: "Globex Outsourcing" });
    const doc = await buildDocument(env, s.admin, { classification: "restricted" });
    const body = problem(
      await post(s.admin, doc.id, shareBody({ partnerId: partner.id })),
      409,
      "nda_required",
    );
    expect(body.detail).toContain("Globex Outsourcing");
    expect(body.detail).toMatch(/NDA.*register/);
    // An NDA that has already expired does not count either.
    await buildNda(env, s.admin, partner.id, { effectiveDate: "2020-01-01", expiryDate: "2021-01-01" });
    problem(await post(s.admin, doc.id, shareBody({ partnerId: partner.id })), 409, "nda_required");
    await buildNda(env, s.admin, partner.id);
    expect((await post(s.admin, doc.id, shareBody({ partnerId: partner.id }))).statusCode).toBe(201);
    expect(await auditActions(env, s.admin.orgId, doc.id)).toEqual(["document.create", "document.share"]);
  });

  it("409 watermark_unsupported for a confidential document that cannot be marked", async () => {
    await cast();
    await buildNda(env, s.admin, s.partnerId);
    const res = await upload(
      env,
      s.admin,
      { title: "Notes", classification: "confidential" },
      { name: "notes.txt", data: "secret notes" },
    );
    const doc = res.json();
    problem(await post(s.admin, doc.id, shareBody({ partnerId: s.partnerId })), 409, "watermark_unsupported");
    // The same file, internal, is shared (delivered unmarked).
    const internal = (
      await upload(
        env,
        s.admin,
        { title: "Notes", classification: "internal" },
        { name: "n.txt", data: "notes" },
      )
    ).json();
    expect((await post(s.admin, internal.id, shareBody({ partnerId: s.partnerId }))).statusCode).toBe(201);
  });

  it("401, 403 for roles that do not share and for partner users, 404 for another org", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    const body = shareBody({ partnerId: s.partnerId });
    problem(await post(null, doc.id, body), 401, "unauthenticated");
    problem(await post(s.viewer, doc.id, body), 403, "forbidden");
    problem(await post(s.partnerUser, doc.id, body), 403, "forbidden");
    problem(await post(s.other, doc.id, body), 404, "not_found");
    problem(await post(s.admin, crypto.randomUUID(), body), 404, "not_found");
    expect(await auditActions(env, s.admin.orgId, doc.id)).toEqual(["document.create"]);
  });
});

describe("GET /api/v1/documents?partnerId= (the partner's document room)", () => {
  it("lists documents filed under the partner and those shared with it, nothing else", async () => {
    await cast();
    const other = await buildPartner(env, s.admin);
    const filed = await buildDocument(env, s.admin, { partnerId: other.id });
    const shared = await buildDocument(env, s.admin);
    const unrelated = await buildDocument(env, s.admin);
    await buildShare(env, s.admin, shared.id, { partnerId: other.id });
    await buildShare(env, s.admin, unrelated.id, { partnerId: s.partnerId });
    const res = await get(s.viewer, `/api/v1/documents?partnerId=${other.id}`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([filed.id, shared.id].sort());
  });
});

describe("GET /api/v1/documents/:id/shares", () => {
  it("shows status (live, expired, revoked) newest first; 401/403/404", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    const a = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    const b = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    await env.ctx.database.pool.query(
      "UPDATE document_shares SET expires_at = now() - interval '1 day' WHERE id = $1",
      [a.id],
    );
    await revoke(s.admin, doc.id, b.id);
    const c = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    const items = (await get(s.viewer, `/api/v1/documents/${doc.id}/shares`)).json().items;
    expect(items.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [c.id, "live"],
      [b.id, "revoked"],
      [a.id, "expired"],
    ]);
    expect(items[1].revokedBy).toEqual({ id: s.admin.userId, name: expect.any(String) });
    const url = `/api/v1/documents/${doc.id}/shares`;
    problem(await get(null, url), 401, "unauthenticated");
    problem(await get(s.partnerUser, url), 403, "forbidden");
    problem(await get(s.other, url), 404, "not_found");
    problem(await get(s.admin, "/api/v1/documents/nope/shares"), 400, "validation_failed");
  });
});

describe("DELETE /api/v1/documents/:id/shares/:shareId", () => {
  it("revokes once (audited), again is a no-op; another document's share is 404", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    const other = await buildDocument(env, s.admin);
    const share = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    problem(await revoke(null, doc.id, share.id), 401, "unauthenticated");
    problem(await revoke(s.viewer, doc.id, share.id), 403, "forbidden");
    problem(await revoke(s.partnerUser, doc.id, share.id), 403, "forbidden");
    problem(await revoke(s.other, doc.id, share.id), 404, "not_found");
    problem(await revoke(s.admin, other.id, share.id), 404, "not_found");
    problem(await revoke(s.admin, doc.id, crypto.randomUUID()), 404, "not_found");
    problem(await revoke(s.admin, doc.id, "nope"), 400, "validation_failed");
    expect((await revoke(s.riskManager, doc.id, share.id)).statusCode).toBe(204);
    expect((await revoke(s.admin, doc.id, share.id)).statusCode).toBe(204);
    expect(await auditActions(env, s.admin.orgId, share.id)).toEqual([
      "document.share",
      "document.share_revoke",
    ]);
    const listed = (await get(s.admin, `/api/v1/documents/${doc.id}/shares`)).json().items[0];
    expect(listed).toMatchObject({ status: "revoked", revokedBy: { id: s.riskManager.userId } });
  });
});

describe("GET /api/v1/partners/:id/portal-users", () => {
  it("lists the partner's portal users only; 401/403/404", async () => {
    await cast();
    const p2 = await buildPartner(env, s.admin);
    const u1 = await buildUser(env, s.admin.orgId, "partner", p2.id);
    const u2 = await buildUser(env, s.admin.orgId, "partner", p2.id);
    await buildUser(env, s.admin.orgId, "partner", s.partnerId);
    const url = `/api/v1/partners/${p2.id}/portal-users`;
    const res = await get(s.vendorManager, url);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((u: { id: string }) => u.id).sort()).toEqual([u1.userId, u2.userId].sort());
    expect(items[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      email: expect.any(String),
      active: true,
    });
    problem(await get(null, url), 401, "unauthenticated");
    problem(await get(s.viewer, url), 403, "forbidden");
    problem(await get(s.partnerUser, url), 403, "forbidden");
    problem(await get(s.other, url), 404, "not_found");
    problem(await get(s.admin, "/api/v1/partners/nope/portal-users"), 400, "validation_failed");
  });
});
