import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { Readable as ReadableStream, Transform, type TransformCallback } from "node:stream";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { checkDocumentType } from "../../../domain/documents.js";
import { AppError, invalid } from "../../platform/errors.js";
import { sanitizeFileName } from "../assessments/evidence.files.js";

/**
 * Reading one document upload without ever holding the file: the first bytes are peeked to
 * decide the type, then the rest flows through an inspector (size, SHA-256, text and zip checks)
 * into the caller's encrypt-and-store pipeline.
 */

/** Bytes file-type needs to recognise every format it knows. */
const SNIFF_BYTES = 4100;

/** A 413 for a file over the configured limit. */
export const tooLarge = (max: number) =>
  new AppError(
    413,
    "file_too_large",
    "File too large",
    `At most ${Math.round((max / 1024 / 1024) * 10) / 10} MB per file`,
  );

const typeError = (code: "file_type_refused" | "file_type_mismatch", detail: string) =>
  new AppError(422, code, code === "file_type_refused" ? "File type refused" : "File type mismatch", detail, [
    { path: "file", message: detail },
  ]);

/** A multipart upload whose type is checked: its fields, kept name, type and a plaintext stream. */
export interface DocumentUpload {
  fields: Record<string, string>;
  fileName: string;
  contentType: string;
  /**
   * The plaintext (peeked bytes first) through the inspector. Opened only by its consumer, which
   * attaches its error handling before a byte flows (an inspector error must reach the pipeline).
   */
  open(): Readable;
  /** Reads and drops the rest of the request when refusing it before storing anything. */
  discard(): void;
  /** Size, SHA-256 and whether the stream hit the size limit; call after the body was consumed. */
  done(): { size: number; sha256: string; truncated: boolean };
}

/** The text fields that came before the file. */
function fieldsOf(part: MultipartFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(part.fields)) {
    if (f && !Array.isArray(f) && f.type === "field") out[name] = String(f.value);
  }
  return out;
}

/**
 * Validates the plaintext while it streams: counts and hashes it; for text, that it is UTF-8
 * without NUL; for zips, that no entry name is absolute or climbs with `..` (local and central
 * directory headers both carry the name, so a streaming scan sees every entry).
 */
function inspector(
  kind: { text: boolean; zip: boolean },
  stats: { size: number; hash: ReturnType<typeof createHash> },
) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let tail = Buffer.alloc(0); // carry-over so a header split across chunks is still parsed
  const fail = (code: "file_type_mismatch" | "file_type_refused", detail: string) => typeError(code, detail);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      stats.size += chunk.length;
      stats.hash.update(chunk);
      try {
        if (kind.text) {
          if (chunk.includes(0))
            return done(fail("file_type_mismatch", "A text file must not contain NUL bytes"));
          decoder.decode(chunk, { stream: true });
        }
      } catch {
        return done(fail("file_type_mismatch", "A text file must be valid UTF-8"));
      }
      if (kind.zip) {
        const buf = Buffer.concat([tail, chunk]);
        const bad = unsafeZipName(buf);
        if (bad) return done(fail("file_type_refused", `The archive holds an unsafe path: ${bad}`));
        tail = buf.subarray(Math.max(0, buf.length - 1100)); // header (46) + longest name we check (1024)
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      try {
        if (kind.text) decoder.decode();
      } catch {
        return done(fail("file_type_mismatch", "A text file must be valid UTF-8"));
      }
      done();
    },
  });
}

/** The first unsafe entry name in zip headers found in `buf`, if any. */
export function unsafeZipName(buf: Buffer): string | null {
  for (let i = buf.indexOf("PK"); i >= 0 && i + 4 <= buf.length; i = buf.indexOf("PK", i + 2)) {
    const sig = buf.readUInt32LE(i);
    let nameAt = -1;
    let lenAt = -1;
    if (sig === 0x04034b50)
      [lenAt, nameAt] = [i + 26, i + 30]; // local file header
    else if (sig === 0x02014b50) [lenAt, nameAt] = [i + 28, i + 46]; // central directory header
    if (lenAt < 0 || lenAt + 2 > buf.length) continue;
    const len = buf.readUInt16LE(lenAt);
    if (nameAt + len > buf.length) continue; // completed by the next chunk (see the carry-over)
    const name = buf.subarray(nameAt, nameAt + len).toString("utf8");
    const parts = name.split(/[\\/]/);
    if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name) || parts.includes(".."))
      return name;
  }
  return null;
}

/**
 * Reads the multipart request's one file (fields before it) up to `maxBytes`, peeks its first
 * bytes and checks the type against the name: 415 when not multipart, 400 without a file, 422
 * `file_type_mismatch` / `file_type_refused`. Nothing is stored yet.
 */
export async function readDocumentUpload(req: FastifyRequest, maxBytes: number): Promise<DocumentUpload> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      "Send multipart/form-data with a file",
    );
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw invalid("No file in the request", [{ path: "file", message: "Attach a file" }]);
  const source = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const peeked: Buffer[] = [];
  let peekedBytes = 0;
  let ended = false;
  while (peekedBytes < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    peeked.push(next.value);
    peekedBytes += next.value.length;
  }
  const head = Buffer.concat(peeked);
  const fileName = sanitizeFileName(part.filename ?? "");
  // Let the request body finish before answering with an error (the iterator holds the stream).
  const drain = () => {
    (async () => {
      for (;;) if ((await source.next()).done) return;
    })().catch(() => undefined);
  };
  if (head.length === 0) {
    drain();
    throw invalid("The file is empty", [{ path: "file", message: "The file is empty" }]);
  }
  const ext = fileName.includes(".") ? (fileName.split(".").pop() ?? "") : "";
  const check = checkDocumentType(ext, head, await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES)));
  if (!check.ok) {
    drain();
    throw typeError(check.code, check.detail);
  }
  const stats = { size: 0, hash: createHash("sha256") };
  async function* rest() {
    yield head;
    if (ended) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const open = () => {
    const plain = ReadableStream.from(rest());
    const inspect = inspector(check, stats);
    plain.on("error", (e) => inspect.destroy(e));
    return plain.pipe(inspect);
  };
  return {
    fields: fieldsOf(part),
    fileName,
    contentType: check.contentType,
    open,
    discard: drain,
    done: () => ({ size: stats.size, sha256: stats.hash.digest("hex"), truncated: part.file.truncated }),
  };
}
