import type { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { MAX_EVIDENCE_BYTES } from "../../../domain/portal.js";
import { AppError, invalid } from "../../platform/errors.js";

/**
 * Evidence files as bytes (issue 6): reading one upload from a multipart request, the file name we
 * keep, the type we accept, and sending a file back. `file-type` is not installed, so the type is
 * decided by a whitelist of extensions, each checked against the file's magic bytes where the
 * format has them; executables are refused whatever their name.
 */

/** Allowed extensions → the content type we serve them with, and the magic bytes they must start with. */
const TYPES: Record<string, { type: string; magic?: number[][] }> = {
  pdf: { type: "application/pdf", magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { type: "image/png", magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { type: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: "image/jpeg", magic: [[0xff, 0xd8, 0xff]] },
  gif: { type: "image/gif", magic: [[0x47, 0x49, 0x46, 0x38]] },
  webp: { type: "image/webp", magic: [[0x52, 0x49, 0x46, 0x46]] },
  txt: { type: "text/plain" },
  csv: { type: "text/csv" },
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [[0x50, 0x4b]],
  },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [[0x50, 0x4b]] },
  pptx: {
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: [[0x50, 0x4b]],
  },
  odt: { type: "application/vnd.oasis.opendocument.text", magic: [[0x50, 0x4b]] },
  ods: { type: "application/vnd.oasis.opendocument.spreadsheet", magic: [[0x50, 0x4b]] },
};
/** Extensions accepted, for messages and the web client's file picker. */
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

const EXECUTABLE_MAGIC = [
  [0x4d, 0x5a], // "MZ": Windows PE
  [0x7f, 0x45, 0x4c, 0x46], // "\x7fELF"
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit
  [0x23, 0x21], // "#!": a script
];
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);

const refused = (detail: string) =>
  new AppError(422, "file_type_refused", "File type refused", detail, [{ path: "file", message: detail }]);

// Bidirectional overrides and marks: they can make "evil.exe.pdf" display as something else.
const BIDI = new Set([
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || BIDI.has(c);

/**
 * The name we keep: the last path segment, control and bidi-override characters removed, runs of
 * spaces collapsed, at most 200 characters keeping the extension. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => !isControl(ch.codePointAt(0) ?? 0))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  const name = clean.replace(/^\.+/, "") || "file";
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return name.slice(0, 200 - ext.length) + ext;
}

/** The content type for a file, or 422 `file_type_refused` (executables, unknown types, wrong magic). */
export function evidenceType(fileName: string, data: Buffer): string {
  if (EXECUTABLE_MAGIC.some((m) => startsWith(data, m))) throw refused("Executable files are not accepted");
  const ext = fileName.includes(".") ? (fileName.split(".").pop()?.toLowerCase() ?? "") : "";
  const known = TYPES[ext];
  if (!known) throw refused(`Accepted file types: ${EVIDENCE_EXTENSIONS.join(", ")}`);
  if (known.magic && !known.magic.some((m) => startsWith(data, m)))
    throw refused(`The content is not a .${ext} file`);
  if (!known.magic && data.includes(0)) throw refused(`The content is not a .${ext} file (binary data)`);
  return known.type;
}

/** A file read from a multipart request. */
export interface Upload {
  questionKey: string;
  fileName: string;
  data: Buffer;
}

/**
 * Reads the one file of a multipart request. `questionKey` must come as a field BEFORE the file
 * (fields after the file are not seen while streaming). A file over `MAX_EVIDENCE_BYTES` is
 * truncated by the multipart limits and refused with 413 `file_too_large`.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      "Send multipart/form-data with a questionKey field and a file",
    );
  const part = await req.file();
  if (!part) throw invalid("No file in the request", [{ path: "file", message: "Attach a file" }]);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE" || part.file.truncated)
      throw new AppError(
        413,
        "file_too_large",
        "File too large",
        `At most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB per file`,
      );
    throw e;
  }
  if (part.file.truncated)
    throw new AppError(
      413,
      "file_too_large",
      "File too large",
      `At most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB per file`,
    );
  const field = part.fields.questionKey;
  const questionKey = field && !Array.isArray(field) && field.type === "field" ? String(field.value) : "";
  if (!questionKey)
    throw invalid("Say which question the file is for", [
      { path: "questionKey", message: "Send the questionKey field before the file" },
    ]);
  if (!data.length) throw invalid("The file is empty", [{ path: "file", message: "The file is empty" }]);
  return { questionKey, fileName: sanitizeFileName(part.filename ?? ""), data };
}

/**
 * Sends a stored file as a download: always `attachment` and `nosniff`, so an uploaded HTML or SVG
 * can never render in our origin; the name is given both ASCII-safe and RFC 5987-encoded.
 */
export function sendEvidence(
  reply: FastifyReply,
  f: { fileName: string; contentType: string; content: Buffer | Readable; size: number; sha256: string },
) {
  const ascii = f.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .type(f.contentType)
    .header("x-content-type-options", "nosniff")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    )
    .header("cache-control", "private, no-store")
    .header("etag", `"${f.sha256}"`)
    .header("content-length", String(f.size))
    .send(f.content);
}
