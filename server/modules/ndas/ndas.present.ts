import { type Nda, type NdaType, ndaDaysToExpiry, ndaStatus } from "../../../domain/ndas.js";
import { partners } from "../partners/partners.tables.js";
import { users } from "../users/users.tables.js";
import { ndas } from "./ndas.tables.js";

type NdaRow = typeof ndas.$inferSelect;

/** The columns of a presented NDA; select with the joins of `selectNdas`. */
export const ndaColumns = {
  nda: ndas,
  partner: { id: partners.id, name: partners.name },
  creator: { id: users.id, name: users.name },
};

/** One row selected with `ndaColumns`. */
export interface NdaSelectRow {
  nda: NdaRow;
  partner: { id: string; name: string };
  creator: { id: string | null; name: string | null } | null;
}

/** Whitelists an NDA; `today` decides its status and countdown. */
export function presentNda(r: NdaSelectRow, today: string): Nda {
  const n = r.nda;
  return {
    id: n.id,
    partner: { id: r.partner.id, name: r.partner.name },
    type: n.type as NdaType,
    scope: n.scope,
    effectiveDate: n.effectiveDate,
    expiryDate: n.expiryDate,
    status: ndaStatus(n.effectiveDate, n.expiryDate, today),
    daysToExpiry: ndaDaysToExpiry(n.expiryDate, today),
    consequences: n.consequences,
    signedDocumentUrl: n.signedDocumentUrl,
    documentId: n.documentId,
    signatories: n.signatories.map((s) => ({
      name: s.name,
      role: s.role,
      party: s.party,
      signedOn: s.signedOn ?? null,
    })),
    notes: n.notes,
    createdBy: r.creator?.id ? { id: r.creator.id, name: r.creator.name ?? "" } : null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** The audit snapshot of an NDA: its own fields without the tenant and timestamps. */
export function ndaSnapshot(n: NdaRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = n;
  return fields;
}
