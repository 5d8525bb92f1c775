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
  /** The partner's document room: documents filed under the partner or ever shared with it. */
  partnerId: Id.optional().describe("Documents filed under the partner or shared with it"),
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

// ---------------------------------------------------------------------------------------------
// Sharing, access log and leak tracing (issue 7)
// ---------------------------------------------------------------------------------------------

/** Classifications that need an NDA in force with the partner before they are shared or served. */
export const NDA_CLASSIFICATIONS: readonly Classification[] = ["confidential", "restricted"];

/** The longest a share may run: a share is a decision to revisit, not a standing grant. */
export const MAX_SHARE_DAYS = 730;

/**
 * `POST /api/v1/documents/:id/shares`: with a whole partner (its portal users now and later) or
 * with named partner users (all of one partner). `expiresAt` must be in the future and at most
 * {@link MAX_SHARE_DAYS} ahead; `allowDownload: false` allows viewing in the browser only.
 */
export const CreateShare = z
  .object({
    partnerId: Id.optional(),
    userIds: z.array(Id).min(1).max(100).optional(),
    expiresAt: z.iso.datetime({ offset: true }),
    allowDownload: z.boolean().default(false),
    note: z.string().trim().max(500).optional(),
  })
  .refine((s) => (s.partnerId === undefined) !== (s.userIds === undefined), {
    message: "Give either partnerId or userIds",
    path: ["partnerId"],
  });
export type CreateShare = z.infer<typeof CreateShare>;

/** Where a share stands: `live` until revoked or past `expiresAt`. */
export const ShareStatus = z.enum(["live", "expired", "revoked"]);
export type ShareStatus = z.infer<typeof ShareStatus>;

/** The status of a share at `now`. */
export function shareStatus(
  s: { revokedAt: Date | string | null; expiresAt: Date | string },
  now: Date,
): ShareStatus {
  if (s.revokedAt) return "revoked";
  return new Date(s.expiresAt).getTime() > now.getTime() ? "live" : "expired";
}

/** A share as staff see it. `recipients` lists the named users (empty for a whole-partner share). */
export const Share = z.object({
  id: Id,
  documentId: Id,
  partner: z.object({ id: Id, name: z.string() }),
  scope: z.enum(["partner", "users"]),
  recipients: z.array(z.object({ id: Id, name: z.string(), email: z.string() })),
  expiresAt: z.string(),
  allowDownload: z.boolean(),
  note: z.string().nullable(),
  status: ShareStatus,
  createdBy: UserRef,
  createdAt: z.string(),
  revokedBy: UserRef,
  revokedAt: z.string().nullable(),
});
export type Share = z.infer<typeof Share>;

/** Every share of a document, newest first (a document has few; no pagination). */
export const ShareList = z.object({ items: z.array(Share) });

/** `…/documents/:id/shares/:shareId`. */
export const ShareParams = z.object({ id: Id, shareId: Id });

/** How a delivered copy was marked: a PDF or image got marks; `none` is an unmarked original. */
export const WatermarkKind = z.enum(["pdf", "image", "none"]);
export type WatermarkKind = z.infer<typeof WatermarkKind>;

/** `view` is served inline (browser viewer), `download` as an attachment. */
export const AccessAction = z.enum(["view", "download"]);
export type AccessAction = z.infer<typeof AccessAction>;

/** One access-log entry: who received which version, when, how and with which fingerprint. */
export const AccessLogEntry = z.object({
  id: Id,
  action: AccessAction,
  version: z.number().int(),
  user: z.object({ id: Id, name: z.string(), email: z.string() }).nullable(),
  partner: z.object({ id: Id, name: z.string() }).nullable(),
  shareId: Id.nullable(),
  watermark: WatermarkKind,
  /** The copy id the invisible fingerprint carries (16 hex digits); null for unmarked copies. */
  copyId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** `GET /api/v1/documents/:id/access-log`: newest first, filterable by action and partner. */
export const AccessLogQuery = PageQuery.extend({
  action: AccessAction.optional(),
  partnerId: Id.optional(),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

/**
 * `GET /api/v1/documents/:id/content` query: `version` (staff only; partner users always get the
 * current version) and `disposition` (`inline` to view in the browser, PDF and images only).
 */
export const ContentQuery = DocumentContentQuery.extend({
  disposition: z.enum(["inline", "attachment"]).default("attachment"),
});

/** Where a fingerprint was read from in a suspected leaked copy. */
export const TraceCarrier = z.enum(["pdf_vector", "pdf_metadata", "image_blocks", "image_metadata"]);

/**
 * `POST /api/v1/documents/trace` answer: the copy the fingerprint leads to, or `found: false`
 * with a reason ("no fingerprint found", or a fingerprint from another organization/unknown copy).
 */
export const TraceResult = z.discriminatedUnion("found", [
  z.object({
    found: z.literal(true),
    copyId: z.string(),
    carriers: z.array(TraceCarrier),
    document: z.object({ id: Id, title: z.string(), classification: Classification }),
    version: z.number().int(),
    /** Name and email as delivered (snapshot); `id` is null once the user no longer exists. */
    recipient: z.object({ id: Id.nullable(), name: z.string(), email: z.string() }).nullable(),
    partner: z.object({ id: Id, name: z.string() }).nullable(),
    share: z.object({ id: Id, expiresAt: z.string(), status: ShareStatus }).nullable(),
    action: AccessAction,
    accessedAt: z.string(),
  }),
  z.object({
    found: z.literal(false),
    reason: z.enum(["no_fingerprint", "unknown_copy"]),
    detail: z.string(),
  }),
]);
export type TraceResult = z.infer<typeof TraceResult>;

/** A document shared with the signed-in partner user (`GET /api/v1/portal/documents`). */
export const PortalDocument = z.object({
  id: Id,
  title: z.string(),
  classification: Classification,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  shareId: Id,
  expiresAt: z.string(),
  allowDownload: z.boolean(),
  /** PDF and images open in the browser's viewer; other types download only. */
  viewable: z.boolean(),
  /** `nda_required`: a confidential document whose NDA has lapsed is held back until renewed. */
  available: z.boolean(),
  unavailableReason: z.enum(["nda_required"]).nullable(),
});
export type PortalDocument = z.infer<typeof PortalDocument>;
export const PortalDocumentList = z.object({ items: z.array(PortalDocument) });

/** Content types the watermarking can mark (PDF pages, PNG and JPEG images). */
export function markableKind(contentType: string): "pdf" | "image" | null {
  const base = contentType.split(";")[0].trim().toLowerCase();
  if (base === "application/pdf") return "pdf";
  if (base === "image/png" || base === "image/jpeg") return "image";
  return null;
}

/** `GET /api/v1/partners/:id/portal-users`: the partner's portal users, to pick share recipients. */
export const PortalUserList = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), email: z.string(), active: z.boolean() })),
});
