import type { ContractFacts } from "../facts.js";
import { SOURCES } from "../format.js";
import type { SignalRule } from "../types.js";

/** Data categories whose processing the regulators expect to be contractually governed. */
const REGULATED_DATA = ["personal_data", "sensitive_personal_data", "health"];
/** Of those, the special categories (GDPR art. 9): a gap weighs more. */
const SPECIAL_DATA = ["sensitive_personal_data", "health"];

const CLAUSES = [
  { key: "auditRights", label: "audit rights" },
  { key: "dataProtection", label: "data protection" },
] as const;

/**
 * A service handling personal, sensitive or health data whose active contracts do not give us
 * audit rights and data-protection terms (GDPR art. 28, EBA outsourcing guidelines). A clause
 * counts when any active contract covering the service has it (e.g. audit rights in the MSA and
 * data protection in the DPA). One signal per service; no active covering contract at all is the
 * same gap, stated as such.
 *
 * Likelihood 3 (gaps surface in audits and incidents), impact 4, or 5 for special categories.
 */
export const contractMissingClauses: SignalRule = {
  id: "contract_missing_clauses",
  title: "Personal data without audit and data-protection clauses",
  categoryKey: "regulatory_compliance",
  description:
    "A service handling personal, sensitive or health data is not covered by an active contract with audit rights and data-protection clauses. Likelihood 3, impact 4 (5 for sensitive or health data).",
  reads: ["partners", "services", "contracts"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) =>
      p.services.flatMap((s) => {
        const data = s.dataCategories.filter((c) => REGULATED_DATA.includes(c));
        if (!data.length) return [];
        const cover = p.contracts.filter((c) => c.status === "active" && c.serviceIds.includes(s.id));
        const missing = CLAUSES.filter((cl) => !cover.some((c) => c[cl.key]));
        if (!missing.length) return [];
        const missingText = missing.map((m) => m.label).join(" and ");
        const lacks = (c: ContractFacts) =>
          CLAUSES.filter((cl) => !c[cl.key])
            .map((cl) => cl.label)
            .join(", ") || "none";
        return [
          {
            subjectKey: `service:${s.id}`,
            partnerId: p.id,
            serviceId: s.id,
            title: cover.length
              ? `${p.name}: '${s.name}' contracts lack ${missingText} clauses`
              : `${p.name}: no active contract covers '${s.name}'`,
            likelihood: 3,
            impact: data.some((c) => SPECIAL_DATA.includes(c)) ? 5 : 4,
            explanation:
              `${p.name} (partner) provides '${s.name}', which handles ${data.join(", ")}, but ` +
              (cover.length
                ? `none of its active contracts (${cover.map((c) => `'${c.title}'`).join(", ")}) has ${missingText} clauses`
                : "no active contract covers the service") +
              ", so we may be unable to audit the processing or enforce data-protection terms.",
            facts: [
              { label: "Service data", value: `'${s.name}': ${data.join(", ")}`, source: SOURCES.register },
              ...(cover.length
                ? cover.map((c) => ({
                    label: `Contract '${c.title}' lacks`,
                    value: lacks(c),
                    source: SOURCES.register,
                  }))
                : [{ label: "Active contracts covering it", value: "none", source: SOURCES.register }]),
            ],
          },
        ];
      }),
    );
  },
};
