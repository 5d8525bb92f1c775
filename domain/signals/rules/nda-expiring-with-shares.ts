import { NDA_EXPIRING_DAYS } from "../../ndas.js";
import { addDays } from "../../time.js";
import type { NdaFacts } from "../facts.js";
import type { SignalRule } from "../types.js";
import {
  DOCUMENT_ROOM,
  documentFacts,
  documentsText,
  impactOf,
  NDA_REGISTER,
  ndasText,
  sensitiveDocuments,
} from "./shared-documents.js";

/**
 * The last day the partner's NDAs cover without a gap, starting today: null when one in the
 * chain is open-ended, `yesterday` when none is in force today. NDAs are chained: one in force
 * until June 30 followed by one effective July 1 (or earlier) extend the cover to the second's
 * expiry, so a renewal signed ahead of time silences the rule.
 */
export function coveredUntil(ndas: readonly NdaFacts[], today: string): string | null {
  let cover = addDays(today, -1);
  for (;;) {
    const next = addDays(cover, 1);
    let extended = false;
    for (const n of ndas) {
      if (n.effectiveDate > next) continue;
      if (n.expiryDate === null) return null;
      if (n.expiryDate > cover) {
        cover = n.expiryDate;
        extended = true;
      }
    }
    if (!extended) return cover;
  }
}

/**
 * Issue 7: the NDA covering a partner with live shares of confidential or restricted documents
 * ends within {@link NDA_EXPIRING_DAYS} days (inclusive) and no other NDA, in force or signed for
 * later, covers the day after. Renew it or the shares will run on without an NDA (which
 * `confidential_shared_without_nda` raises once it lapses). One signal per partner; it resolves
 * when a renewal is on record, the shares end, or the NDA lapses (the other rule takes over).
 *
 * Likelihood 3 (a lapse is likely unless someone acts); impact 4 when a restricted document is
 * shared, else 3. The facts name the end date, never the days left, so they stay stable day to day.
 */
export const ndaExpiringWithShares: SignalRule = {
  id: "nda_expiring_with_shares",
  title: "NDA expiring while confidential documents are shared",
  categoryKey: "intellectual_property",
  description: `The NDA covering a partner with live shares of confidential or restricted documents ends within ${NDA_EXPIRING_DAYS} days and no renewal is on record. Likelihood 3; impact 4 when a restricted document is shared, else 3.`,
  reads: ["partners", "documentShares", "ndas"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    const horizon = addDays(facts.today, NDA_EXPIRING_DAYS);
    return facts.partners.flatMap((p) => {
      const docs = sensitiveDocuments(p);
      if (docs.length === 0) return [];
      const until = coveredUntil(p.ndas, facts.today);
      // Open-ended, not in force today (the other rule's case), or ending after the horizon.
      if (until === null || until < facts.today || until > horizon) return [];
      const n = docs.length;
      return [
        {
          subjectKey: `partner:${p.id}:nda-expiring`,
          partnerId: p.id,
          serviceId: null,
          title: `${p.name}: NDA ends on ${until} while confidential documents are shared`,
          likelihood: 3,
          impact: impactOf(docs, 4, 3),
          explanation:
            `The NDA cover with ${p.name} (partner) ends on ${until} and no renewal is on record ` +
            `(${NDA_REGISTER}), while it can fetch ${n} confidential or restricted ` +
            `document${n === 1 ? "" : "s"} through live shares (${documentsText(docs)}, ${DOCUMENT_ROOM}). ` +
            "Renew the NDA, or end the shares before it lapses.",
          facts: [
            ...documentFacts(docs),
            { label: "NDA cover ends", value: until, source: NDA_REGISTER },
            { label: "NDAs on record", value: ndasText(p.ndas, facts.today), source: NDA_REGISTER },
          ],
          // No `fingerprint` of its own: the facts name the end date, never the days left (which
          // drift daily), so hashing them changes the signal only when the cover or shares do.
        },
      ];
    });
  },
};
