import { z } from "zod";
import { Id, PageQuery, Text } from "./common.js";

/**
 * Encrypted documents (issue 7): the zod schemas of the documents API, shared by the server,
 * the OpenAPI document and the web client. Content never appears here: it travels as multipart
 * uploads and streamed downloads.
 */

/** How sensitive a document is; later sharing rules (NDA in force…) key off it. */
export const Classification = z.enum(["public", "internal", "confidential", "restricted"]);
export type Classification = z.infer<typeof Classification>;

/** An optional id sent as a multipart text field: an empty field means "none". */
const OptionalFieldId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(Id.optional())
  .optional();

/**
 * The text fields of `POST /api/v1/documents` (multipart, sent BEFORE the file: fields after the
 * file are not seen while the file streams).
 */
export const CreateDocumentFields = z.object({
  title: Text(300),
  classification: Classification,
  partnerId: OptionalFieldId,
  contractId: OptionalFieldId,
});
export type CreateDocumentFields = z.infer<typeof CreateDocumentFields>;

/** `GET /api/v1/documents`: filters and cursor, newest first. */
export const ListDocumentsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  partnerId: Id.optional(),
  classification: Classification.optional(),
});
export type ListDocumentsQuery = z.infer<typeof ListDocumentsQuery>;

/** `GET /api/v1/documents/:id/content?version=` (default: the current version). */
export const DocumentContentQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** Someone named on a document (null when the user was deleted). */
const UserRef = z.object({ id: Id, name: z.string() }).nullable();

/** One stored version: metadata only (the key material never leaves the server). */
export const DocumentVersion = z.object({
  version: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: UserRef,
  createdAt: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

/** A document in lists: its current version's name, type and size. */
export const DocumentListItem = z.object({
  id: Id,
  title: z.string(),
  classification: Classification,
  partnerId: Id.nullable(),
  contractId: Id.nullable(),
  currentVersion: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdBy: UserRef,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;

/** A document with every version, newest first. */
export const Document = DocumentListItem.extend({ versions: z.array(DocumentVersion) });
export type Document = z.infer<typeof Document>;

/** Extensions accepted as plain text: they have no magic bytes, so the content must be UTF-8 without NUL. */
export const TEXT_EXTENSIONS: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

/** Extensions that are the same format as the one `file-type` reports (its `ext` → accepted names). */
export const EXTENSION_ALIASES: Record<string, string[]> = {
  jpg: ["jpg", "jpeg"],
  tif: ["tif", "tiff"],
  // Office files are zips: file-type names them when it sees their parts in the first bytes, else "zip".
  zip: ["zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"],
};

/**
 * Formats refused whatever their name: programs and installers (file-type's `ext`). Scripts
 * (`#!`) are caught separately, as file-type does not report them.
 */
export const REFUSED_TYPES = new Set([
  "exe",
  "elf",
  "mach",
  "class",
  "apk",
  "msi",
  "deb",
  "rpm",
  "dmg",
  "wasm",
  "swf",
  "cab",
  "lnk",
  "jar",
  "xpi",
  "crx",
]);

/** Office formats are zips; when file-type only says "zip", the name decides the served type. */
const OFFICE_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};

/** The outcome of {@link checkDocumentType}. */
export type TypeCheck =
  | { ok: true; contentType: string; text: boolean; zip: boolean }
  | { ok: false; code: "file_type_refused" | "file_type_mismatch"; detail: string };

/**
 * The content type to store for a file named with `extension` whose first bytes are `head` and
 * whose content `file-type` detected as `detected` (undefined: no magic bytes), or why it is
 * refused. Pure, so the rule is tested without uploads.
 */
export function checkDocumentType(
  extension: string,
  head: Uint8Array,
  detected: { ext: string; mime: string } | undefined,
): TypeCheck {
  const ext = extension.toLowerCase();
  // "#!": a script runs as a program whatever its name; file-type does not report scripts.
  if ((detected && REFUSED_TYPES.has(detected.ext)) || (head[0] === 0x23 && head[1] === 0x21))
    return {
      ok: false,
      code: "file_type_refused",
      detail: "Programs, scripts and installers are not accepted",
    };
  if (!detected) {
    const text = TEXT_EXTENSIONS[ext];
    if (text) return { ok: true, contentType: text, text: true, zip: false };
    return {
      ok: false,
      code: "file_type_mismatch",
      detail: ext ? `The content is not a recognisable .${ext} file` : "The file name needs an extension",
    };
  }
  const accepted = EXTENSION_ALIASES[detected.ext] ?? [detected.ext];
  if (!accepted.includes(ext))
    return {
      ok: false,
      code: "file_type_mismatch",
      detail: `The content is a .${detected.ext} file but the name says .${ext || "(none)"}`,
    };
  const office = OFFICE_TYPES[ext];
  const contentType = detected.ext === "zip" && office ? office : detected.mime;
  return { ok: true, contentType, text: false, zip: detected.ext === "zip" || office !== undefined };
}
