import { ndaStatus } from "../../ndas.js";
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
 * Issue 7: a partner can fetch confidential or restricted documents through live shares while no
 * NDA with it is in force today. Sharing such a document needs an NDA in force (409
 * `nda_required`), so this arises when the NDA lapses, is shortened or deleted while the shares
 * run on. One signal per partner; it resolves when an NDA comes into force or the last such share
 * is revoked or expires (the nightly run catches both dates).
 *
 * Likelihood 4 (the material is in the partner's hands now); impact 5 when a restricted document
 * is shared, else 4.
 */
export const confidentialSharedWithoutNda: SignalRule = {
  id: "confidential_shared_without_nda",
  title: "Confidential documents shared without an NDA in force",
  categoryKey: "intellectual_property",
  description:
    "A partner can fetch confidential or restricted documents through live shares, and no NDA with it is in force today. Likelihood 4; impact 5 when a restricted document is shared, else 4.",
  reads: ["partners", "documentShares", "ndas"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) => {
      const docs = sensitiveDocuments(p);
      if (docs.length === 0) return [];
      const statuses = p.ndas.map((n) => ndaStatus(n.effectiveDate, n.expiryDate, facts.today));
      if (statuses.includes("in_force")) return [];
      const upcoming = p.ndas.find((_, i) => statuses[i] === "upcoming");
      const lastExpiry = p.ndas
        .map((n) => n.expiryDate)
        .filter((d): d is string => d !== null && d < facts.today)
        .sort()
        .at(-1);
      const gap = upcoming
        ? `a signed NDA only takes effect on ${upcoming.effectiveDate}`
        : lastExpiry
          ? `its last NDA expired on ${lastExpiry}`
          : "no NDA with it is on record";
      const n = docs.length;
      return [
        {
          subjectKey: `partner:${p.id}:shared-without-nda`,
          partnerId: p.id,
          serviceId: null,
          title: `${p.name}: confidential documents shared without an NDA in force`,
          likelihood: 4,
          impact: impactOf(docs, 5, 4),
          explanation:
            `${p.name} (partner) can fetch ${n} confidential or restricted document${n === 1 ? "" : "s"} ` +
            `through live shares (${documentsText(docs)}, ${DOCUMENT_ROOM}), but no NDA with it is in ` +
            `force: ${gap} (${NDA_REGISTER}). Our intellectual property reaches it without a ` +
            "confidentiality undertaking; renew the NDA or revoke the shares.",
          facts: [
            ...documentFacts(docs),
            { label: "NDAs in force", value: "none", source: NDA_REGISTER },
            { label: "NDAs on record", value: ndasText(p.ndas, facts.today), source: NDA_REGISTER },
          ],
        },
      ];
    });
  },
};
