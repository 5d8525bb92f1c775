import { ndaStatus } from "../../ndas.js";
import type { NdaFacts } from "../facts.js";
import { byName, handlesPersonalData, handlesSensitiveData, SOURCES, servicesText } from "../format.js";
import type { SignalRule } from "../types.js";

/** Where NDA facts come from (the partner register's own source names the services and status). */
const NDA_REGISTER = "Outsight NDA register";

/** Partner statuses in which the partner already receives, or is about to receive, our data. */
const SERVING = new Set(["onboarding", "active"]);

const typeText = (n: NdaFacts) => (n.type === "one_way" ? "one-way" : n.type);

/**
 * The NDAs on record, each with its dated status, e.g. "mutual, expired 2026-10-01". Dates only,
 * never "in N days": the facts are fingerprinted, and a count of days would rewrite the signal
 * every night although nothing changed.
 */
function ndasText(ndas: readonly NdaFacts[], today: string): string {
  if (ndas.length === 0) return "none";
  return ndas
    .map((n) => {
      const status = ndaStatus(n.effectiveDate, n.expiryDate, today);
      // In force never shows: the rule only speaks when none is.
      const when = status === "upcoming" ? `upcoming from ${n.effectiveDate}` : `expired ${n.expiryDate}`;
      return `${typeText(n)}, ${when}`;
    })
    .join("; ");
}

/**
 * Issue 7: a partner that is onboarding or active and provides a service processing personal
 * data, with no NDA in force today: confidential and personal data reaches it without a
 * confidentiality undertaking. One signal per partner; it resolves when an NDA comes into force
 * and comes back when the last one lapses (the nightly run catches both dates).
 *
 * Likelihood 3, or 2 when an NDA is already signed and takes effect later (the gap is closing);
 * impact 5 for special-category (sensitive or health) data, else 4, as for data protection.
 */
export const noNda: SignalRule = {
  id: "no_nda",
  title: "Partner handling personal data without an NDA in force",
  categoryKey: "data_security",
  description:
    "An onboarding or active partner provides a service that processes personal, sensitive or health data, and no NDA with it is in force today. Likelihood 3 (2 when a signed NDA takes effect later); impact 5 for sensitive or health data, else 4.",
  reads: ["partners", "services", "ndas"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) => {
      if (!SERVING.has(p.status)) return [];
      // By name, so the fingerprinted facts do not depend on the order services were loaded in.
      const personal = p.services.filter(handlesPersonalData).sort((a, b) => byName(a.name, b.name));
      if (personal.length === 0) return [];
      const statuses = p.ndas.map((n) => ndaStatus(n.effectiveDate, n.expiryDate, facts.today));
      if (statuses.includes("in_force")) return [];
      const upcoming = p.ndas.filter((_, i) => statuses[i] === "upcoming");
      const lastExpiry = p.ndas
        .map((n) => n.expiryDate)
        .filter((d): d is string => d !== null && d < facts.today)
        .sort()
        .at(-1);
      const gap =
        upcoming.length > 0
          ? `a signed NDA only takes effect on ${upcoming[0].effectiveDate}`
          : lastExpiry
            ? `its last NDA expired on ${lastExpiry}`
            : "no NDA with it is on record";
      return [
        {
          subjectKey: `partner:${p.id}:nda`,
          partnerId: p.id,
          serviceId: null,
          title: `${p.name}: personal data without an NDA in force`,
          likelihood: upcoming.length > 0 ? 2 : 3,
          impact: personal.some(handlesSensitiveData) ? 5 : 4,
          explanation:
            `${p.name} (partner) is ${p.status} and handles personal data of ${servicesText(personal)}, ` +
            `but no NDA with it is in force: ${gap} (${NDA_REGISTER}). Confidential and personal data ` +
            "reaches it without a confidentiality undertaking.",
          facts: [
            { label: "Partner status", value: p.status, source: SOURCES.register },
            {
              label: "Services with personal data",
              value: personal.map((s) => `'${s.name}': ${s.dataCategories.join(", ")}`).join("; "),
              source: SOURCES.register,
            },
            { label: "NDAs in force", value: "none", source: NDA_REGISTER },
            { label: "NDAs on record", value: ndasText(p.ndas, facts.today), source: NDA_REGISTER },
          ],
        },
      ];
    });
  },
};
