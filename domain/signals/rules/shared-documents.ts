import { NDA_CLASSIFICATIONS } from "../../documents.js";
import { ndaStatus } from "../../ndas.js";
import type { DocumentShareFacts, NdaFacts, PartnerFacts } from "../facts.js";
import { byName, listText } from "../format.js";
import type { SignalFact } from "../types.js";

/*
 * What the two document-sharing rules (confidential_shared_without_nda, nda_expiring_with_shares)
 * say alike: which confidential or restricted documents a partner can fetch today, and the NDAs
 * on record. Dates only, never "in N days": facts are fingerprinted, and a count of days would
 * rewrite the signal every night although nothing changed.
 */

/** Where share facts come from. */
export const DOCUMENT_ROOM = "Outsight document shares";
/** Where NDA facts come from. */
export const NDA_REGISTER = "Outsight NDA register";
/** Titles named in facts and explanations; the rest are counted. */
const TITLES_SHOWN = 5;

/** One document the partner can fetch, whatever the number of live shares of it. */
export interface SharedDocument {
  id: string;
  title: string;
  classification: DocumentShareFacts["classification"];
}

/**
 * The confidential and restricted documents among the partner's live shares, once each, by
 * title (so the fingerprinted facts do not depend on the order shares were loaded or created).
 */
export function sensitiveDocuments(p: PartnerFacts): SharedDocument[] {
  const byId = new Map<string, SharedDocument>();
  for (const s of p.documentShares)
    if (NDA_CLASSIFICATIONS.includes(s.classification))
      byId.set(s.documentId, { id: s.documentId, title: s.title, classification: s.classification });
  return [...byId.values()].sort((a, b) => byName(a.title, b.title) || (a.id < b.id ? -1 : 1));
}

/** "'Spec' (restricted), 'Plan' (confidential) and 3 more". */
export function documentsText(docs: readonly SharedDocument[]): string {
  const shown = docs.slice(0, TITLES_SHOWN).map((d) => `'${d.title}' (${d.classification})`);
  const more = docs.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : listText(shown);
}

/** "1 restricted, 2 confidential": most sensitive first. */
function classificationsText(docs: readonly SharedDocument[]): string {
  const count = (c: string) => docs.filter((d) => d.classification === c).length;
  return ["restricted", "confidential"]
    .filter((c) => count(c) > 0)
    .map((c) => `${count(c)} ${c}`)
    .join(", ");
}

/** The facts about the shared documents every sharing signal names. */
export function documentFacts(docs: readonly SharedDocument[]): SignalFact[] {
  return [
    {
      label: "Confidential or restricted documents shared (live)",
      value: String(docs.length),
      source: DOCUMENT_ROOM,
    },
    { label: "Documents", value: documentsText(docs), source: DOCUMENT_ROOM },
    { label: "Classifications", value: classificationsText(docs), source: DOCUMENT_ROOM },
  ];
}

/** 5 when any shared document is restricted, else `otherwise`. */
export const impactOf = (docs: readonly SharedDocument[], restricted: number, otherwise: number) =>
  docs.some((d) => d.classification === "restricted") ? restricted : otherwise;

const typeText = (n: NdaFacts) => (n.type === "one_way" ? "one-way" : n.type);

/** The NDAs on record with their dated status, e.g. "mutual, in force until 2026-12-20". */
export function ndasText(ndas: readonly NdaFacts[], today: string): string {
  if (ndas.length === 0) return "none";
  return ndas
    .map((n) => {
      const status = ndaStatus(n.effectiveDate, n.expiryDate, today);
      const when =
        status === "upcoming"
          ? `upcoming from ${n.effectiveDate}`
          : status === "expired"
            ? `expired ${n.expiryDate}`
            : n.expiryDate
              ? `in force until ${n.expiryDate}`
              : "in force, open-ended";
      return `${typeText(n)}, ${when}`;
    })
    .join("; ");
}
