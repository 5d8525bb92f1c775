import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readFingerprint } from "../../platform/watermark/index.js";
import { encryptedPdf, pdfText } from "../../platform/watermark/pdf-testkit.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { buildNda } from "../ndas/ndas.testkit.js";
import {
  accessRows,
  buildDocument,
  buildShare,
  content,
  multipart,
  PDF,
  realPdf,
  realPng,
  setShareExpiry,
  tempDataDir,
  upload,
} from "./documents.testkit.js";

/**
 * Delivery of content (issue 7): partner users receive only what a live share gives them, always
 * as a copy marked for them; staff receive everything, sensitive PDFs and images marked; every
 * delivered copy is in the access log, and a marked copy's fingerprint is that row's copy id.
 */

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: ContractSessions;
/** Another partner of the same organization and its portal user. */
let p2: { id: string; user: Session };
let pdf: Buffer;

beforeAll(async () => {
  s = await buildContractSessions(env);
  const partner = await buildPartner(env, s.admin);
  p2 = { id: partner.id, user: await buildUser(env, s.admin.orgId, "partner", partner.id) };
  pdf = await realPdf();
  await buildNda(env, s.admin, s.partnerId);
});

const newVersion = (id: string, name: string, data: Buffer | string) =>
  call(env, s.admin, {
    method: "POST",
    url: `/api/v1/documents/${id}/versions`,
    ...multipart({}, { name, data }),
  });

/** A PDF document shared with the partner of `s.partnerUser`. */
async function sharedPdf(fields: Record<string, string> = {}, share: Record<string, unknown> = {}) {
  const doc = await buildDocument(env, s.admin, fields, pdf);
  const sh = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId, ...share });
  return { doc, share: sh };
}

describe("GET /api/v1/documents/:id/content as a partner user", () => {
  it("delivers a copy marked for them, logged with the copy id its fingerprint carries", async () => {
    const { doc, share } = await sharedPdf();
    const res = await content(env, s.partnerUser, doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="policy.pdf"/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers.etag).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    expect(res.rawPayload.equals(pdf)).toBe(false);
    const [row] = await accessRows(env, doc.id);
    expect(row).toMatchObject({
      userId: s.partnerUser.userId,
      userEmail: s.partnerUser.email,
      partnerId: s.partnerId,
      shareId: share.id,
      action: "download",
      watermark: "pdf",
      version: 1,
      ip: "127.0.0.1",
    });
    expect(row.copyId).toMatch(/^[0-9a-f]{16}$/);
    expect((await readFingerprint(res.rawPayload))?.copyId).toBe(row.copyId);
    const text = (await pdfText(res.rawPayload)).join("\n");
    expect(text).toContain(s.partnerUser.email);
    expect(text).toContain(row.copyId?.slice(0, 8));
    // Every delivery is a new copy with its own id.
    const again = await content(env, s.partnerUser, doc.id);
    const rows = await accessRows(env, doc.id);
    expect(rows).toHaveLength(2);
    expect(rows[1].copyId).not.toBe(rows[0].copyId);
    expect((await readFingerprint(again.rawPayload))?.copyId).toBe(rows[1].copyId);
  });

  it("answers 404 for what is not shared with them (never revealing it exists)", async () => {
    const { doc, share } = await sharedPdf();
    problem(await content(env, p2.user, doc.id), 404, "not_found"); // another partner's user
    const unshared = await buildDocument(env, s.admin, {}, pdf);
    problem(await content(env, s.partnerUser, unshared.id), 404, "not_found");
    problem(await content(env, s.partnerUser, crypto.randomUUID()), 404, "not_found");
    // Named shares reach only the named users.
    const colleague = await buildUser(env, s.admin.orgId, "partner", s.partnerId);
    const named = await buildDocument(env, s.admin, {}, pdf);
    await buildShare(env, s.admin, named.id, { userIds: [colleague.userId] });
    problem(await content(env, s.partnerUser, named.id), 404, "not_found");
    expect((await content(env, colleague, named.id)).statusCode).toBe(200);
    // Only the current version: older ones were never shared.
    expect((await newVersion(doc.id, "v2.pdf", await realPdf("Second version"))).statusCode).toBe(201);
    problem(await content(env, s.partnerUser, doc.id, "version=1"), 404, "not_found");
    expect((await content(env, s.partnerUser, doc.id, "version=2")).statusCode).toBe(200);
    // Expired, then revoked.
    await setShareExpiry(env, share.id, new Date(Date.now() - 60_000).toISOString());
    problem(await content(env, s.partnerUser, doc.id), 404, "not_found");
    await setShareExpiry(env, share.id, new Date(Date.now() + 86_400_000).toISOString());
    expect((await content(env, s.partnerUser, doc.id)).statusCode).toBe(200);
    await call(env, s.admin, { method: "DELETE", url: `/api/v1/documents/${doc.id}/shares/${share.id}` });
    problem(await content(env, s.partnerUser, doc.id), 404, "not_found");
    // Nothing refused was logged.
    expect((await accessRows(env, doc.id)).map((r) => r.version)).toEqual([2, 2]);
  });

  it("view-only shares open inline (sandboxed) and refuse downloads with 403", async () => {
    const { doc } = await sharedPdf({}, { allowDownload: false });
    problem(await content(env, s.partnerUser, doc.id), 403, "download_not_allowed");
    problem(await content(env, s.partnerUser, doc.id, "disposition=attachment"), 403, "download_not_allowed");
    const res = await content(env, s.partnerUser, doc.id, "disposition=inline");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^inline; filename="policy.pdf"/);
    expect(res.headers["content-security-policy"]).toBe("sandbox");
    expect((await accessRows(env, doc.id)).map((r) => [r.action, r.watermark])).toEqual([["view", "pdf"]]);
    // A more generous share of the same document wins.
    await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId, allowDownload: true });
    expect((await content(env, s.partnerUser, doc.id)).statusCode).toBe(200);
  });

  it("409 nda_required once the NDA lapses; 409 watermark_unsupported for unmarkable sensitive files", async () => {
    const partner = await buildPartner(env, s.admin);
    const user = await buildUser(env, s.admin.orgId, "partner", partner.id);
    await buildNda(env, s.admin, partner.id);
    const doc = await buildDocument(env, s.admin, { classification: "confidential" }, pdf);
    await buildShare(env, s.admin, doc.id, { partnerId: partner.id });
    expect((await content(env, user, doc.id)).statusCode).toBe(200);
    await env.ctx.database.pool.query(
      "UPDATE ndas SET expiry_date = current_date - 1 WHERE partner_id = $1",
      [partner.id],
    );
    problem(await content(env, user, doc.id), 409, "nda_required");
    // A later version in a format that cannot be marked is not delivered to partners; staff get it.
    const sensitive = await buildDocument(env, s.admin, { classification: "restricted" }, pdf);
    await buildShare(env, s.admin, sensitive.id, { partnerId: s.partnerId });
    expect((await newVersion(sensitive.id, "notes.txt", "plain notes")).statusCode).toBe(201);
    problem(await content(env, s.partnerUser, sensitive.id), 409, "watermark_unsupported");
    const staff = await content(env, s.viewer, sensitive.id);
    expect(staff.body).toBe("plain notes");
    // Public and internal files of any format are delivered unmarked, and logged.
    const txt = (
      await upload(
        env,
        s.admin,
        { title: "Readme", classification: "internal" },
        { name: "r.txt", data: "hello" },
      )
    ).json();
    await buildShare(env, s.admin, txt.id, { partnerId: s.partnerId });
    const plain = await content(env, s.partnerUser, txt.id, "disposition=inline");
    expect(plain.body).toBe("hello");
    expect(plain.headers["content-disposition"]).toMatch(/^attachment;/); // text is never inline
    expect((await accessRows(env, txt.id)).map((r) => [r.action, r.watermark, r.copyId])).toEqual([
      ["download", "none", null],
    ]);
  });

  it("422 watermark_failed for PDFs that cannot be marked (encrypted, no page tree), nothing logged", async () => {
    // PDF: the testkit's bare header-and-trailer file, which has no catalog or pages.
    for (const data of [Buffer.from(await encryptedPdf()), PDF]) {
      const doc = await buildDocument(env, s.admin, {}, data);
      await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
      problem(await content(env, s.partnerUser, doc.id), 422, "watermark_failed");
      expect(await accessRows(env, doc.id)).toEqual([]);
    }
  });

  it("marks PNG images for partner users, fingerprint = the logged copy id", async () => {
    const png = await realPng();
    const doc = (
      await upload(
        env,
        s.admin,
        { title: "Diagram", classification: "internal" },
        { name: "d.png", data: png },
      )
    ).json();
    await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    const res = await content(env, s.partnerUser, doc.id, "disposition=inline");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toMatch(/^inline;/);
    const [row] = await accessRows(env, doc.id);
    expect(row).toMatchObject({ action: "view", watermark: "image" });
    expect((await readFingerprint(res.rawPayload))?.copyId).toBe(row.copyId);
  });
});

describe("GET /api/v1/documents/:id/content as staff", () => {
  it("streams ordinary documents as stored, marks sensitive PDFs, and logs every call", async () => {
    const doc = await buildDocument(env, s.admin, {}, pdf);
    const plain = await content(env, s.viewer, doc.id);
    expect(plain.rawPayload.equals(pdf)).toBe(true);
    expect(plain.headers.etag).toBe(`"${doc.versions[0].sha256}"`);
    const inline = await content(env, s.viewer, doc.id, "disposition=inline");
    expect(inline.headers["content-disposition"]).toMatch(/^inline;/);
    expect(
      (await accessRows(env, doc.id)).map((r) => [r.userId, r.partnerId, r.action, r.watermark]),
    ).toEqual([
      [s.viewer.userId, null, "download", "none"],
      [s.viewer.userId, null, "view", "none"],
    ]);
    const secret = await buildDocument(env, s.admin, { classification: "confidential" }, pdf);
    const marked = await content(env, s.riskManager, secret.id);
    expect(marked.statusCode).toBe(200);
    expect(marked.headers.etag).toBeUndefined();
    const [row] = await accessRows(env, secret.id);
    expect(row).toMatchObject({
      userId: s.riskManager.userId,
      watermark: "pdf",
      shareId: null,
      partnerId: null,
    });
    expect((await readFingerprint(marked.rawPayload))?.copyId).toBe(row.copyId);
    expect((await pdfText(marked.rawPayload)).join("\n")).toContain(s.riskManager.email);
  });

  it("400 on a bad query, 401 anonymous, 404 for another organization", async () => {
    const doc = await buildDocument(env, s.admin, {}, pdf);
    problem(await content(env, s.admin, doc.id, "disposition=embed"), 400, "validation_failed");
    problem(await content(env, null, doc.id), 401, "unauthenticated");
    problem(await content(env, s.other, doc.id), 404, "not_found");
    expect(await accessRows(env, doc.id)).toEqual([]);
  });
});
