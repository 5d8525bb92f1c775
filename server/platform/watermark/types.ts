import type { Classification } from "../../../domain/documents.js";
import type { Bits } from "../../../domain/fingerprint.js";

/**
 * What the visible mark says about one delivered copy. Embedders print {@link visibleMarkLines}
 * (the same wording everywhere) and carry the fingerprint bits invisibly beside it.
 */
export interface VisibleMark {
  recipientName: string;
  recipientEmail: string;
  /** The recipient's organization: the partner's name, or null for staff. */
  organization: string | null;
  issuedAt: Date;
  classification: Classification;
  /** The first 8 hex digits of the copy id, printed so a person can quote the copy. */
  reference: string;
}

/** Where an invisible fingerprint was read from (see `TraceCarrier` in the domain). */
export type Carrier = "pdf_vector" | "pdf_metadata" | "image_blocks" | "image_metadata";

/** Candidate fingerprint bits read from one carrier of a suspected copy (0/1, 2 = unknown). */
export interface CarrierBits {
  carrier: Carrier;
  bits: Bits;
}

/** The lines of the visible mark, in the order printed; pure ASCII-safe text is the caller's job. */
export function visibleMarkLines(m: VisibleMark): string[] {
  const when = `${m.issuedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const who = m.organization
    ? `${m.recipientName} <${m.recipientEmail}>, ${m.organization}`
    : `${m.recipientName} <${m.recipientEmail}>`;
  return [`${m.classification.toUpperCase()} - copy for ${who}`, `Issued ${when} - ref ${m.reference}`];
}
