import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { Jimp } from "jimp";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Classification } from "../../../domain/documents.js";
import { encodeCopyId } from "../../../domain/fingerprint.js";
import { markCopy } from "../../platform/watermark/index.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { auditEvents } from "../partners/partners.testkit.js";
import { documentAccess, documentShares } from "./documents.tables.js";
import { buildDocument, multipart, PDF, storedObjects, tempDataDir, upload } from "./documents.testkit.js";

const dataDir = tempDataDir();
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir, DOCUMENT_MAX_MB: "1" });

/** A real one-page PDF (the testkit's PDF is magic bytes only, which pdf-lib cannot open). */
async function realPdf(text: string): Promise<typeof PDF> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await doc.save()) as typeof PDF;
}

/** A textured PNG (the image fingerprint needs some room and contrast to hide in). */
async function realPng(): Promise<Buffer> {
  const img = new Jimp({ width: 480, height: 360, color: 0xf4f6f8ff });
  img.scan(0, 0, 480, 360, (x, y, idx) => {
    img.bitmap.data[idx] = (x * 3 + y) & 0xff;
    img.bitmap.data[idx + 1] = (y * 2) & 0xff;
    img.bitmap.data[idx + 2] = 128 + ((x ^ y) & 0x3f);
  });
  return img.getBuffer("image/png");
}

const newCopyId = () => crypto.randomBytes(8).toString("hex");

/** `POST /api/v1/documents/trace` with one file as `who`. */
const trace = (who: Session | null, file?: { name: string; data: Buffer | string }) =>
  call(env, who, { method: "POST", url: "/api/v1/documents/trace", ...multipart({}, file) });

interface Delivery {
  copyId: string;
  shareId: string;
  accessId: string;
}

/**
 * Records one delivered copy as the shares service does: a live share of `documentId` with the
 * partner and the access-log row carrying the copy id (the share endpoint is another module's).
 */
async function deliver(
  session: Session,
  documentId: string,
  partnerId: string,
  recipient: { userId: string | null; name: string; email: string },
  kind: "pdf" | "image",
): Promise<Delivery> {
  const { db } = env.ctx.database;
  const [share] = await db
    .insert(documentShares)
    .values({
      orgId: session.orgId,
      documentId,
      partnerId,
      scope: "partner",
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      allowDownload: true,
      createdBy: session.userId,
    })
    .returning({ id: documentShares.id });
  const copyId = newCopyId();
  const [access] = await db
    .insert(documentAccess)
    .values({
      orgId: session.orgId,
      documentId,
      version: 1,
      userId: recipient.userId,
      userName: recipient.name,
      userEmail: recipient.email,
      partnerId,
      shareId: share.id,
      action: "download",
      watermark: kind,
      copyId,
      ip: "203.0.113.7",
    })
    .returning({ id: documentAccess.id });
  return { copyId, shareId: share.id, accessId: access.id };
}

/** Marks `content` for the recipient with `copyId`, as the delivery does. */
const mark = (content: Buffer, type: string, copyId: string, classification: Classification) =>
  markCopy(
    content,
    type,
    {
      recipientName: "Priya Partner",
      recipientEmail: "priya@partner.example",
      organization: "Partner Ltd",
      issuedAt: new Date(),
      classification,
      reference: copyId.slice(0, 8),
    },
    encodeCopyId(copyId),
  ).then((b) => Buffer.from(b));

let s: ContractSessions;
let partnerName: string;
let pdf: typeof PDF;
let doc: { id: string };
let pdfCopy: Delivery;
let markedPdf: Buffer;

beforeAll(async () => {
  s = await buildContractSessions(env);
  const [p] = (await env.ctx.database.pool.query("SELECT name FROM partners WHERE id = $1", [s.partnerId]))
    .rows;
  partnerName = p.name;
  pdf = await realPdf("Payments API specification - confidential");
  doc = await buildDocument(env, s.admin, { title: "Payments spec", classification: "confidential" }, pdf);
});

describe("POST /api/v1/documents/trace", () => {
  it("traces a marked PDF to its recipient, share and delivery, and audits the trace", async () => {
    const user = await env.ctx.database.pool.query("SELECT name, email FROM users WHERE id = $1", [
      s.partnerUser.userId,
    ]);
    const recipient = { userId: s.partnerUser.userId, ...user.rows[0] };
    pdfCopy = await deliver(s.admin, doc.id, s.partnerId, recipient, "pdf");
    markedPdf = await mark(pdf, "application/pdf", pdfCopy.copyId, "confidential");
    const res = await trace(s.compliance, { name: "leaked.pdf", data: markedPdf });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      found: true,
      copyId: pdfCopy.copyId,
      document: { id: doc.id, title: "Payments spec", classification: "confidential" },
      version: 1,
      recipient: { id: s.partnerUser.userId, name: recipient.name, email: recipient.email },
      partner: { id: s.partnerId, name: partnerName },
      share: { id: pdfCopy.shareId, status: "live" },
      action: "download",
    });
    expect(body.carriers.length).toBeGreaterThan(0);
    expect(Date.parse(body.accessedAt)).toBeGreaterThan(Date.now() - 60_000);
    const events = (await auditEvents(env, s.admin.orgId, doc.id)).filter(
      (e) => e.action === "document.trace",
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity_type: "document",
      entity_id: doc.id,
      actor_id: s.compliance.userId,
      after: {
        outcome: "found",
        copyId: pdfCopy.copyId,
        accessId: pdfCopy.accessId,
        fileName: "leaked.pdf",
        sha256: crypto.createHash("sha256").update(markedPdf).digest("hex"),
      },
    });
    expect(events[0].related_ids).toEqual(expect.arrayContaining([s.partnerId, pdfCopy.shareId]));
  });

  it("reports a revoked share, and keeps the recipient's name and email once the user is gone", async () => {
    const { db } = env.ctx.database;
    await db
      .update(documentShares)
      .set({ revokedAt: new Date() })
      .where(eq(documentShares.id, pdfCopy.shareId));
    // The log has no foreign key to users: a deleted recipient leaves an id that resolves to nobody.
    await db
      .update(documentAccess)
      .set({ userId: crypto.randomUUID() })
      .where(eq(documentAccess.id, pdfCopy.accessId));
    const res = await trace(s.admin, { name: "leaked.pdf", data: markedPdf });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.share).toMatchObject({ id: pdfCopy.shareId, status: "revoked" });
    expect(body.recipient.id).toBeNull();
    expect(body.recipient.email).toMatch(/@/);
  });

  it("traces a marked PNG the same way", async () => {
    const png = await realPng();
    const uploaded = await upload(
      env,
      s.vendorManager,
      { title: "Architecture diagram", classification: "restricted" },
      { name: "diagram.png", data: png },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const image = uploaded.json() as { id: string };
    const recipient = { userId: s.partnerUser.userId, name: "Priya Partner", email: "priya@partner.example" };
    const copy = await deliver(s.admin, image.id, s.partnerId, recipient, "image");
    const marked = await mark(png, "image/png", copy.copyId, "restricted");
    const res = await trace(s.riskManager, { name: "screenshot.png", data: marked });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      found: true,
      copyId: copy.copyId,
      document: { id: image.id, classification: "restricted" },
      recipient: { id: s.partnerUser.userId, email: "priya@partner.example" },
      partner: { id: s.partnerId },
      share: { id: copy.shareId, status: "live" },
    });
  });

  it("answers no_fingerprint for an unmarked PDF, a text file and a damaged PDF, audited, storing nothing", async () => {
    const before = await storedObjects(dataDir);
    for (const file of [
      { name: "clean.pdf", data: pdf },
      { name: "notes.txt", data: "nothing to see here\n" },
      { name: "broken.pdf", data: PDF },
    ]) {
      const res = await trace(s.compliance, file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ found: false, reason: "no_fingerprint" });
      expect(res.json().detail).toMatch(/No Outsight fingerprint/);
    }
    expect(await storedObjects(dataDir)).toEqual(before);
    const { rows } = await env.ctx.database.pool.query(
      `SELECT after->>'outcome' AS outcome, after->>'fileName' AS name FROM audit_events
        WHERE org_id = $1 AND action = 'document.trace' AND entity_id IS NULL ORDER BY seq`,
      [s.admin.orgId],
    );
    expect(rows).toEqual([
      { outcome: "no_fingerprint", name: "clean.pdf" },
      { outcome: "no_fingerprint", name: "notes.txt" },
      { outcome: "no_fingerprint", name: "broken.pdf" },
    ]);
  });

  it("answers unknown_copy for a copy another organization delivered, revealing nothing", async () => {
    const otherPartner = await buildPartner(env, s.other);
    const otherDoc = await buildDocument(env, s.other, { classification: "confidential" }, pdf);
    const copy = await deliver(
      s.other,
      otherDoc.id,
      otherPartner.id,
      { userId: null, name: "Mallory", email: "mallory@elsewhere.example" },
      "pdf",
    );
    const marked = await mark(pdf, "application/pdf", copy.copyId, "confidential");
    const res = await trace(s.admin, { name: "found-online.pdf", data: marked });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      found: false,
      reason: "unknown_copy",
      detail: expect.stringMatching(/matches no copy delivered by your organization/),
    });
    expect(res.body).not.toContain(otherDoc.id);
    expect(res.body).not.toContain("Mallory");
    // The other organization traces its own copy.
    const own = await trace(s.other, { name: "found-online.pdf", data: marked });
    expect(own.json()).toMatchObject({ found: true, recipient: { id: null, name: "Mallory" } });
    const traced = (await auditEvents(env, s.admin.orgId)).filter((e) => e.action === "document.trace");
    expect(traced.at(-1)?.after).toMatchObject({ outcome: "unknown_copy", copyId: copy.copyId });
  });

  it("401 unauthenticated; 403 for viewers, vendor managers, auditors and partner users", async () => {
    const file = { name: "x.pdf", data: pdf };
    problem(await trace(null, file), 401, "unauthenticated");
    const auditor = await buildUser(env, s.admin.orgId, "auditor");
    for (const who of [s.viewer, s.vendorManager, auditor, s.partnerUser])
      problem(await trace(who, file), 403, "forbidden");
  });

  it("413 over the documents size limit; 415 without multipart; 422 without a file or with an empty one", async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    problem(await trace(s.admin, { name: "big.pdf", data: big }), 413, "file_too_large");
    problem(
      await call(env, s.admin, { method: "POST", url: "/api/v1/documents/trace", payload: { file: "x" } }),
      415,
      "unsupported_media_type",
    );
    const none = problem(await trace(s.admin), 422, "validation_failed");
    expect(none.errors?.[0].path).toBe("file");
    problem(await trace(s.admin, { name: "empty.pdf", data: "" }), 422, "validation_failed");
  });

  it("keeps the audit hash chain intact", async () => {
    const verify = await call(env, s.admin, { method: "GET", url: "/api/v1/audit-events/verify" });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
