import type { Classification } from "../../../../domain/documents";
import { markableKind, NDA_CLASSIFICATIONS } from "../../../../domain/documents";

/** Pure helpers about files: sizes, kinds, limits. Kept free of React so they are unit-tested. */

/** The upload limit the server applies by default (`DOCUMENT_MAX_MB`); the server stays the authority. */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** "0 B", "912 B", "14.2 KB", "3.4 MB", "1.1 GB" (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${units[unit]}`;
}

/** The first 10 hex digits of a SHA-256: enough to tell versions apart at a glance. */
export const shortHash = (sha256: string) => sha256.slice(0, 10);

/** A coarse kind of file, to pick an icon: from the content type, else the name's extension. */
export type FileKind = "pdf" | "image" | "sheet" | "doc" | "slides" | "text" | "archive" | "other";

const EXTENSION_KINDS: Record<string, FileKind> = {
  pdf: "pdf",
  png: "image",
  jpg: "image",
  jpeg: "image",
  gif: "image",
  webp: "image",
  tif: "image",
  tiff: "image",
  xlsx: "sheet",
  xls: "sheet",
  ods: "sheet",
  csv: "sheet",
  docx: "doc",
  doc: "doc",
  odt: "doc",
  pptx: "slides",
  odp: "slides",
  txt: "text",
  md: "text",
  zip: "archive",
};

/** The file's kind from its stored content type, falling back to its name. */
export function fileKind(contentType: string, fileName: string): FileKind {
  const base = contentType.split(";")[0].trim().toLowerCase();
  if (base === "application/pdf") return "pdf";
  if (base.startsWith("image/")) return "image";
  if (base.startsWith("text/")) return base === "text/csv" ? "sheet" : "text";
  const ext = fileName.includes(".") ? (fileName.split(".").pop() ?? "").toLowerCase() : "";
  return EXTENSION_KINDS[ext] ?? "other";
}

/**
 * Why a chosen file cannot be uploaded, before sending 50 MB for nothing: empty or over the limit.
 * The server checks again (and checks the content type), so this only saves a round trip.
 */
export function fileProblem(
  file: { size: number } | null,
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
): string | null {
  if (!file) return "Choose a file";
  if (file.size === 0) return "The file is empty";
  if (file.size > maxBytes)
    return `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}`;
  return null;
}

/** True when sharing a document of this classification needs an NDA in force with the partner. */
export const needsNda = (c: Classification) => NDA_CLASSIFICATIONS.includes(c);

/**
 * A warning when a file of this type could not be shared at this classification: confidential and
 * restricted copies are watermarked, and only PDF, PNG and JPEG can carry the marks.
 */
export function shareabilityWarning(c: Classification, contentType: string | null): string | null {
  if (!needsNda(c) || !contentType || markableKind(contentType)) return null;
  return "This file can be stored, but not shared with partners at this classification: only PDF, PNG and JPEG copies can be watermarked.";
}

/** The content type a browser reports for a chosen file, or a guess from its name when it reports none. */
export function guessContentType(file: { type: string; name: string }): string {
  if (file.type) return file.type;
  const ext = (file.name.split(".").pop() ?? "").toLowerCase();
  if (ext === "pdf") return "application/pdf";
  if (ext === "png") return "image/png";
  if (ext === "jpg" || ext === "jpeg") return "image/jpeg";
  return "application/octet-stream";
}
