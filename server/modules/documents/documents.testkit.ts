import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Jimp } from "jimp";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the documents' integration tests (not loaded by the app). */

/** A fresh data directory for one test file (documents and master.key land here). */
export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "outsight-docs-"));

/** A small valid PDF (file-type reads the magic bytes). */
export const PDF = Buffer.from("%PDF-1.4\n% outsight test document\n%%EOF\n");

/** A multipart body: text fields first, then one file (omit `file` to send none). */
export function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer | string }) {
  const boundary = `----outsight${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** `POST /api/v1/documents` as `who`. */
export const upload = (
  env: TestEnv,
  who: Session | null,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer | string },
) => call(env, who, { method: "POST", url: "/api/v1/documents", ...multipart(fields, file) });

/** Uploads a PDF document and returns its body (fails the test on anything but 201). */
export async function buildDocument(
  env: TestEnv,
  who: Session,
  fields: Record<string, string> = {},
  data: Buffer = PDF,
) {
  const res = await upload(
    env,
    who,
    { title: "Policy", classification: "internal", ...fields },
    { name: "policy.pdf", data },
  );
  if (res.statusCode !== 201) throw new Error(`buildDocument: ${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    currentVersion: number;
    versions: { version: number; sha256: string }[];
  };
}

/** Files under `dir` (recursively) whose bytes contain `marker`. */
export async function filesContaining(dir: string, marker: Buffer): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const f = path.join(e.parentPath, e.name);
    if ((await fsp.readFile(f)).includes(marker)) hits.push(f);
  }
  return hits;
}

/** Every stored object (ciphertext file) under the data directory's documents folder. */
export async function storedObjects(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, "documents");
  const entries = await fsp.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes(".tmp"))
    .map((e) => path.join(e.parentPath, e.name));
}

// ---------------------------------------------------------------------------------------------
// Sharing, delivery and the access log (issue 7)
// ---------------------------------------------------------------------------------------------

/** A real one-page PDF (pdf-lib) with `text` on it: the watermarking needs a parsable file. */
export async function realPdf(text = "Specification of the billing platform"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 60, y: 760, size: 16, font });
  return Buffer.from(await doc.save());
}

/** A real PNG (jimp) large enough to carry a visible mark and the invisible fingerprint. */
export async function realPng(width = 320, height = 240): Promise<Buffer> {
  const img = new Jimp({ width, height, color: 0x8fb3d9ff });
  return Buffer.from(await img.getBuffer("image/png"));
}

/** An ISO time `days` from now (negative: in the past). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A valid `POST /documents/:id/shares` body: with the partner, 30 days, download allowed. */
export const shareBody = (overrides: Record<string, unknown> = {}) => ({
  expiresAt: inDays(30),
  allowDownload: true,
  ...overrides,
});

/** Shares a document through the API and returns the Share (fails the test on anything but 201). */
export async function buildShare(
  env: TestEnv,
  who: Session,
  documentId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await call(env, who, {
    method: "POST",
    url: `/api/v1/documents/${documentId}/shares`,
    payload: shareBody(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`buildShare: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; partner: { id: string }; scope: string };
}

/** Moves a share's expiry (directly in the database: the API refuses past expiries). */
export async function setShareExpiry(env: TestEnv, shareId: string, expiresAt: string) {
  await env.ctx.database.pool.query("UPDATE document_shares SET expires_at = $2 WHERE id = $1", [
    shareId,
    expiresAt,
  ]);
}

/** Access-log rows of a document as stored, oldest first. */
export async function accessRows(env: TestEnv, documentId: string) {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT id, user_id AS "userId", user_email AS "userEmail", partner_id AS "partnerId",
            share_id AS "shareId", action, watermark, copy_id AS "copyId", version, ip
       FROM document_access WHERE document_id = $1 ORDER BY created_at, id`,
    [documentId],
  );
  return rows as {
    id: string;
    userId: string | null;
    userEmail: string;
    partnerId: string | null;
    shareId: string | null;
    action: string;
    watermark: string;
    copyId: string | null;
    version: number;
    ip: string | null;
  }[];
}

/** `GET /documents/:id/content` with an optional query string. */
export const content = (env: TestEnv, who: Session | null, id: string, qs = "") =>
  call(env, who, { method: "GET", url: `/api/v1/documents/${id}/content${qs ? `?${qs}` : ""}` });
