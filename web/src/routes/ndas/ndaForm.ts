import { randomId } from "@mantine/hooks";
import { CreateNda, type NdaType, ndaProblems } from "../../../../domain/ndas";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import type { Nda } from "./queries";

/** The NDA form's values, their conversion to the API body, and the checks made before any request. */

export interface SignatoryValues {
  /** A React key for the row (never sent): rows can be removed from the middle. */
  key: string;
  name: string;
  role: string;
  party: "ours" | "theirs";
  signedOn: string | null;
}

export interface Values {
  partnerId: string | null;
  partnerName: string | null;
  type: NdaType;
  scope: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  consequences: string;
  signedDocumentUrl: string;
  notes: string;
  signatories: SignatoryValues[];
}

/** A blank signatory row of the given party. */
export const blankSignatory = (party: "ours" | "theirs"): SignatoryValues => ({
  key: randomId(),
  name: "",
  role: "",
  party,
  signedOn: null,
});

/** Form values of an NDA being edited, or of a new one (a signatory row per party to start from). */
export const fromNda = (n: Nda | null, partner?: { id: string; name: string }): Values => ({
  partnerId: n?.partner.id ?? partner?.id ?? null,
  partnerName: n?.partner.name ?? partner?.name ?? null,
  type: n?.type ?? "mutual",
  scope: n?.scope ?? "",
  effectiveDate: n?.effectiveDate ?? null,
  expiryDate: n?.expiryDate ?? null,
  consequences: n?.consequences ?? "",
  signedDocumentUrl: n?.signedDocumentUrl ?? "",
  notes: n?.notes ?? "",
  signatories: n
    ? n.signatories.map((s) => ({ ...s, key: randomId(), signedOn: s.signedOn ?? null }))
    : [blankSignatory("ours"), blankSignatory("theirs")],
});

/** The API body of the form (without the partner, which only a new NDA sends). */
export const toBody = (v: Values) => ({
  type: v.type,
  scope: v.scope.trim(),
  effectiveDate: v.effectiveDate ?? "",
  expiryDate: v.expiryDate || null,
  consequences: nullIfBlank(v.consequences),
  signedDocumentUrl: nullIfBlank(v.signedDocumentUrl),
  notes: nullIfBlank(v.notes),
  signatories: v.signatories.map((s) => ({
    name: s.name.trim(),
    role: s.role.trim(),
    party: s.party,
    signedOn: s.signedOn || null,
  })),
});

/** The fields of an edit that differ from the NDA as loaded, so a PATCH audits only those. */
export function changedFields(nda: Nda, v: Values) {
  const before: Record<string, unknown> = toBody(fromNda(nda));
  return Object.fromEntries(
    Object.entries(toBody(v)).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])),
  );
}

/** Inline cross-field problems shown while typing (the expiry not after the effective date). */
export const liveProblems = (v: Values): Record<string, string> =>
  v.effectiveDate
    ? Object.fromEntries(
        ndaProblems({ effectiveDate: v.effectiveDate, expiryDate: v.expiryDate }).map((p) => [
          p.path.replace(/^body\./, ""),
          p.message,
        ]),
      )
    : {};

/** Form errors of the shared schema and its cross-field rule, before any request. */
export function validate(v: Values) {
  const errors = zodErrors(CreateNda, { ...toBody(v), partnerId: v.partnerId ?? undefined });
  if (!v.partnerId) errors.partnerId = "Choose a partner";
  if (!v.effectiveDate) errors.effectiveDate = "Required";
  if (errors.signedDocumentUrl) errors.signedDocumentUrl = "Use an http(s) link";
  for (const [k, m] of Object.entries(liveProblems(v))) errors[k] ??= m;
  return errors;
}
