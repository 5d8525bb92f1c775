import { z } from "zod";
import { Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { daysBetween } from "./contract-terms.js";

/**
 * The NDA register's vocabulary: one schema per endpoint body, query and response, and the pure
 * rules (status on a date, cross-field checks) shared by the server, its reminders and the web app.
 */

export const NDA_TYPES = ["mutual", "one_way"] as const;
export const NdaType = z.enum(NDA_TYPES);
export type NdaType = z.infer<typeof NdaType>;

/** Derived on read from the dates, never stored: a stored status would go stale at midnight. */
export const NDA_STATUSES = ["upcoming", "in_force", "expired"] as const;
export const NdaStatus = z.enum(NDA_STATUSES);
export type NdaStatus = z.infer<typeof NdaStatus>;

/** The list's status filter: the three statuses plus `expiring` (in force, expiring within 30 days). */
export const NDA_STATUS_FILTERS = [...NDA_STATUSES, "expiring"] as const;
export type NdaStatusFilter = (typeof NDA_STATUS_FILTERS)[number];

/** How many days ahead an NDA counts as expiring (list filter, highlighting, first reminder). */
export const NDA_EXPIRING_DAYS = 30;

/**
 * The status of an NDA on `today`: in force from the effective date through the expiry date
 * (both inclusive; no expiry = open-ended), upcoming before, expired after.
 */
export function ndaStatus(effectiveDate: string, expiryDate: string | null, today: string): NdaStatus {
  if (today < effectiveDate) return "upcoming";
  if (expiryDate !== null && today > expiryDate) return "expired";
  return "in_force";
}

/** Days from `today` to the expiry date (negative once past), or null for an open-ended NDA. */
export const ndaDaysToExpiry = (expiryDate: string | null, today: string): number | null =>
  expiryDate === null ? null : daysBetween(today, expiryDate);

/** One person who signs the NDA, on our side or the partner's. */
export const NdaSignatory = z.object({
  name: Text(200),
  role: Text(200),
  party: z.enum(["ours", "theirs"]),
  signedOn: IsoDate.nullable().optional(),
});
export type NdaSignatory = z.infer<typeof NdaSignatory>;

/** A link to the signed copy: http(s) only, so a `javascript:` URL can never reach an `href`. */
export const DocumentUrl = z.url({ protocol: /^https?$/, message: "Use an http(s) link" }).max(2000);

const Ref = z.object({ id: Id, name: z.string() });

/** An NDA as the API answers it. */
export const Nda = z.object({
  id: Id,
  partner: Ref,
  type: NdaType,
  scope: z.string(),
  effectiveDate: z.string(),
  expiryDate: z.string().nullable(),
  status: NdaStatus,
  /** Days until expiry (negative once expired), null when the NDA does not expire. */
  daysToExpiry: z.number().int().nullable(),
  consequences: z.string().nullable(),
  signedDocumentUrl: z.string().nullable(),
  /** Reserved for the document store (issue 7); always null until then. */
  documentId: Id.nullable(),
  signatories: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      party: z.enum(["ours", "theirs"]),
      signedOn: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  createdBy: Ref.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Nda = z.infer<typeof Nda>;

const ndaFields = {
  partnerId: Id,
  type: NdaType,
  scope: Text(2000),
  effectiveDate: IsoDate,
  /** Null or absent: the NDA does not expire. */
  expiryDate: IsoDate.nullable().optional(),
  consequences: OptionalText(4000),
  signedDocumentUrl: DocumentUrl.nullable().optional(),
  signatories: z.array(NdaSignatory).min(1, "At least one signatory").max(20),
  notes: OptionalText(4000),
};

/** Body of `POST /api/v1/ndas`. */
export const CreateNda = z.object(ndaFields);
export type CreateNda = z.infer<typeof CreateNda>;

/** Body of `PATCH /api/v1/ndas/:id`: any subset (the partner cannot change). */
export const UpdateNda = z
  .object(ndaFields)
  .omit({ partnerId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateNda = z.infer<typeof UpdateNda>;

/** Cross-field rule, checked on the merged NDA: the expiry comes after the effective date. */
export function ndaProblems(n: {
  effectiveDate: string;
  expiryDate?: string | null;
}): { path: string; message: string }[] {
  return n.expiryDate && n.expiryDate <= n.effectiveDate
    ? [{ path: "body.expiryDate", message: "The expiry date must be after the effective date" }]
    : [];
}

export const NDA_SORTS = [
  "expiryDate",
  "-expiryDate",
  "effectiveDate",
  "-effectiveDate",
  "createdAt",
  "-createdAt",
] as const;

/** Query of `GET /api/v1/ndas`. */
export const ListNdasQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  partnerId: Id.optional(),
  status: z.enum(NDA_STATUS_FILTERS).optional(),
  /** Open-ended NDAs sort after every dated one. */
  sort: z.enum(NDA_SORTS).default("expiryDate"),
});
export type ListNdasQuery = z.infer<typeof ListNdasQuery>;
