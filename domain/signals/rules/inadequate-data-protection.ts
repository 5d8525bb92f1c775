import type { DataProtectionStatus } from "../facts.js";
import {
  countryFacts,
  countryText,
  handlesPersonalData,
  handlesSensitiveData,
  personalDataCountries,
  SOURCES,
  servicesText,
} from "../format.js";
import type { SignalRule } from "../types.js";

const STATUS_TEXT: Record<DataProtectionStatus, string> = {
  eu_eea: "EU/EEA (GDPR applies)",
  adequate: "covered by an EU adequacy decision",
  partial_adequacy: "only partially covered by an EU adequacy decision",
  not_adequate: "not covered by an EU adequacy decision",
  unknown: "not in the data-protection table (adequacy unknown)",
};

/**
 * Rule 4: personal data processed or stored in a country that is neither in the EU/EEA nor
 * covered by an EU adequacy decision (the transfer needs safeguards such as standard contractual
 * clauses). One signal per partner and country.
 *
 * Likelihood 3 when the country is not adequate or unknown, 2 under a partial adequacy (adequate
 * only for certified or covered organisations); impact 5 for special-category data, else 4.
 */
export const inadequateDataProtection: SignalRule = {
  id: "inadequate_data_protection",
  title: "Personal data in a country without adequate data protection",
  categoryKey: "data_security",
  description:
    "Personal, sensitive or health data is processed or stored in a country neither in the EU/EEA nor covered by an EU adequacy decision. Likelihood 3 (2 under a partial adequacy such as the EU-US framework); impact 5 for sensitive or health data, else 4.",
  reads: ["partners", "sites", "services", "dataProtection"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) => {
      const personal = p.services.filter(handlesPersonalData);
      if (personal.length === 0) return [];
      return [...personalDataCountries(p, personal)].flatMap(([iso2, { how, services }]) => {
        const dp = countryFacts(facts.countries, iso2).dataProtection;
        if (dp.status === "eu_eea" || dp.status === "adequate") return [];
        const status = STATUS_TEXT[dp.status];
        return [
          {
            subjectKey: `partner:${p.id}:country:${iso2}`,
            partnerId: p.id,
            serviceId: null,
            title: `${p.name}: personal data in ${countryText(iso2)} without adequate protection`,
            likelihood: dp.status === "partial_adequacy" ? 2 : 3,
            impact: services.some(handlesSensitiveData) ? 5 : 4,
            explanation:
              `${p.name} (partner) handles personal data of ${servicesText(services)} in ${countryText(iso2)} ` +
              `(${how.join("; ")}); ${countryText(iso2)} is ${status}` +
              `${dp.law ? `; its law: ${dp.law}` : ""} (${SOURCES.dataProtection(dp.asOf)}).`,
            facts: [
              {
                label: `Personal data in ${countryText(iso2)}`,
                value: how.join("; "),
                source: SOURCES.register,
              },
              {
                label: "Services with personal data",
                value: services.map((s) => `'${s.name}': ${s.dataCategories.join(", ")}`).join("; "),
                source: SOURCES.register,
              },
              {
                label: `EU transfer status, ${countryText(iso2)}`,
                value: status,
                source: SOURCES.dataProtection(dp.asOf),
              },
            ],
          },
        ];
      });
    });
  },
};
