import {
  boundFact,
  countryFacts,
  countryText,
  governanceFact,
  handlesPersonalData,
  handlesSensitiveData,
  percentileText,
  personalDataCountries,
  SOURCES,
  servicesText,
} from "../format.js";
import type { SignalFact, SignalRule } from "../types.js";

/**
 * Rule 2: personal data processed or stored (the partner's headquarters and sites, the services'
 * data locations) in a country whose WGI rule-of-law or regulatory-quality percentile is below
 * its bound: the law may not protect the data, nor be enforced. One signal per partner and
 * country.
 *
 * Likelihood 4 when both indicators are weak, 3 when one is; impact 5 when special-category
 * (sensitive or health) data is involved, else 4.
 */
export const weakRuleOfLaw: SignalRule = {
  id: "weak_rule_of_law",
  title: "Weak rule of law or regulatory quality where personal data is handled",
  categoryKey: "regulatory_compliance",
  description:
    "Personal, sensitive or health data is processed (partner headquarters or sites) or stored (service data locations) in a country whose World Bank rule-of-law or regulatory-quality percentile is below its bound. Likelihood 4 if both are weak, else 3; impact 5 for sensitive or health data, else 4.",
  reads: ["partners", "sites", "services", "governance"],
  bounds: ["ruleOfLawBelow", "regulatoryQualityBelow"],
  scope: "partner",
  evaluate(facts, bounds) {
    return facts.partners.flatMap((p) => {
      const personal = p.services.filter(handlesPersonalData);
      if (personal.length === 0) return [];
      return [...personalDataCountries(p, personal)].flatMap(([iso2, { how, services }]) => {
        const g = countryFacts(facts.countries, iso2).governance;
        const weak: { text: string; fact: SignalFact; bound: SignalFact }[] = [];
        if (g.ruleOfLaw && g.ruleOfLaw.percentile < bounds.ruleOfLawBelow)
          weak.push({
            text: `rule of law percentile ${percentileText(g.ruleOfLaw.percentile)} is below the bound ${bounds.ruleOfLawBelow} (${SOURCES.wgi(g.ruleOfLaw)})`,
            fact: governanceFact("Rule of law", iso2, g.ruleOfLaw),
            bound: boundFact("Rule of law bound", `below ${bounds.ruleOfLawBelow}`),
          });
        if (g.regulatoryQuality && g.regulatoryQuality.percentile < bounds.regulatoryQualityBelow)
          weak.push({
            text: `regulatory quality percentile ${percentileText(g.regulatoryQuality.percentile)} is below the bound ${bounds.regulatoryQualityBelow} (${SOURCES.wgi(g.regulatoryQuality)})`,
            fact: governanceFact("Regulatory quality", iso2, g.regulatoryQuality),
            bound: boundFact("Regulatory quality bound", `below ${bounds.regulatoryQualityBelow}`),
          });
        if (weak.length === 0) return [];
        const sensitive = services.some(handlesSensitiveData);
        return [
          {
            subjectKey: `partner:${p.id}:country:${iso2}`,
            partnerId: p.id,
            serviceId: null,
            title: `${p.name}: personal data under weak rule of law in ${countryText(iso2)}`,
            likelihood: weak.length === 2 ? 4 : 3,
            impact: sensitive ? 5 : 4,
            explanation:
              `${p.name} (partner) handles personal data of ${servicesText(services)} in ${countryText(iso2)} ` +
              `(${how.join("; ")}); there ${weak.map((w) => w.text).join(" and ")}.`,
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
              ...weak.flatMap((w) => [w.fact, w.bound]),
            ],
          },
        ];
      });
    });
  },
};
