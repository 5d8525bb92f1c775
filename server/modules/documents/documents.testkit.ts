import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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
  data = PDF,
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
