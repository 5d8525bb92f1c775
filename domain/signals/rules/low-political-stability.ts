import {
  boundFact,
  countryFacts,
  countryText,
  governanceFact,
  highestCriticality,
  IMPACT_BY_CRITICALITY,
  partnerPresence,
  percentileText,
  SOURCES,
  servicesText,
} from "../format.js";
import type { SignalRule } from "../types.js";

/** Below this percentile instability is acute (the bottom tenth of countries): likelihood 4. */
export const ACUTE_INSTABILITY_BELOW = 10;

/**
 * Rule 1: a partner whose headquarters or a site lies in a country whose WGI political-stability
 * percentile is below the bound, while it serves a critical or important service. One signal per
 * partner and country.
 *
 * Likelihood 4 below the 10th percentile (acute), otherwise 3 (possible); impact from the most
 * critical service served: 5 critical, 4 important.
 */
export const lowPoliticalStability: SignalRule = {
  id: "low_political_stability",
  title: "Low political stability where a partner works",
  categoryKey: "political_economic_instability",
  description:
    "A partner's headquarters or site is in a country whose World Bank political-stability percentile is below the bound, and the partner serves a critical or important service. Likelihood 4 below the 10th percentile, else 3; impact 5 for a critical service, 4 for an important one.",
  reads: ["partners", "sites", "services", "governance"],
  bounds: ["politicalStabilityBelow"],
  scope: "partner",
  evaluate(facts, bounds) {
    const bound = bounds.politicalStabilityBelow;
    return facts.partners.flatMap((p) => {
      const services = p.services.filter((s) => s.criticality !== "standard");
      const top = highestCriticality(services);
      if (!top) return [];
      return [...partnerPresence(p)].flatMap(([iso2, where]) => {
        const ps = countryFacts(facts.countries, iso2).governance.politicalStability;
        if (!ps || !(ps.percentile < bound)) return [];
        return [
          {
            subjectKey: `partner:${p.id}:country:${iso2}`,
            partnerId: p.id,
            serviceId: null,
            title: `${p.name}: low political stability in ${countryText(iso2)}`,
            likelihood: ps.percentile < ACUTE_INSTABILITY_BELOW ? 4 : 3,
            impact: IMPACT_BY_CRITICALITY[top],
            explanation:
              `${p.name} (partner) has its ${where.join(" and ")} in ${countryText(iso2)}; ` +
              `${SOURCES.wgi(ps)} political stability percentile ${percentileText(ps.percentile)} is below the bound ${bound}; ` +
              `it serves ${servicesText(services)}.`,
            facts: [
              {
                label: `Presence in ${countryText(iso2)}`,
                value: where.join("; "),
                source: SOURCES.register,
              },
              governanceFact("Political stability", iso2, ps),
              boundFact("Political stability bound", `below ${bound}`),
              {
                label: "Critical or important services",
                value: servicesText(services),
                source: SOURCES.register,
              },
            ],
          },
        ];
      });
    });
  },
};
