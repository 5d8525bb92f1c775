import { concentrationFlags, scopeLabel, sharesOf } from "../../concentration.js";
import { boundFact, countryText } from "../format.js";
import type { SignalFact, SignalProposal, SignalRule } from "../types.js";

const SOURCE = "Outsight concentration analysis (critical and important services)";
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Below this many critical and important services (by weight) shares are arithmetic, not
 * insight: an organization with its first critical service "concentrates" 100 % of it.
 */
export const MIN_CONCENTRATION_BASE = 3;

/**
 * Rule 5: concentration of critical and important services over its thresholds, as on the
 * concentration page: one partner or one country carrying more than `concentrationShare` of them
 * (one signal per carrier: `partner:<id>`, or `country:<iso2>` without a partner), or a dimension
 * whose HHI exceeds 2,500 (`hhi:partner`, `hhi:country`) without any single carrier above the
 * share (when one is, its own signal already says more). Countries are the services' data
 * locations (split equally), else the partner's country. Silent below
 * `MIN_CONCENTRATION_BASE` services.
 *
 * Evaluated organization-wide every time: shares depend on every partner. Likelihood 3 (a
 * disruption at one carrier is possible), impact 5 (it would hit most of the critical work at
 * once). The fingerprint is the share in whole percent (the HHI in hundreds), so a service added
 * elsewhere, which moves every share a little, does not reopen a dismissed signal, while a real
 * change does.
 */
export const concentration: SignalRule = {
  id: "concentration",
  title: "Concentration of critical and important services",
  categoryKey: "concentration",
  description:
    "One partner or country carries more than the bound's share of critical and important services, or their spread across partners or countries has an HHI above 2,500. Likelihood 3, impact 5.",
  reads: ["partners", "services", "concentration"],
  bounds: ["concentrationShare"],
  scope: "organization",
  evaluate(facts, bounds) {
    const c = facts.concentration;
    const label = scopeLabel(c.criticality);
    const bound = boundFact("Concentration bound", `more than ${percent.format(bounds.concentrationShare)}`);
    const dims = [
      { dimension: "partner" as const, items: c.byPartner },
      {
        dimension: "country" as const,
        items: c.byCountry.map((i) => ({ ...i, name: countryText(i.key) })),
      },
    ];
    return dims.flatMap(({ dimension, items }) => {
      const shares = sharesOf(items);
      const total = items.reduce((n, i) => n + i.weight, 0);
      if (total < MIN_CONCENTRATION_BASE) return [];
      const flags = concentrationFlags(dimension, shares, bounds.concentrationShare, label);
      const carriers = flags.some((f) => f.kind !== "index");
      return flags
        .filter((f) => f.kind !== "index" || !carriers)
        .map((f): SignalProposal => {
          const totalFact: SignalFact = {
            label: `Total ${label}`,
            value: String(Math.round(total * 100) / 100),
            source: SOURCE,
          };
          const hhiFact: SignalFact = {
            label: `HHI across ${dimension === "partner" ? "partners" : "countries"}`,
            value: String(Math.round(f.hhi)),
            source: SOURCE,
          };
          if (f.kind === "index") {
            return {
              subjectKey: `hhi:${dimension}`,
              partnerId: null,
              serviceId: null,
              title: `High concentration across ${dimension === "partner" ? "partners" : "countries"}`,
              likelihood: 3,
              impact: 5,
              explanation: `${f.explanation} (${SOURCE}).`,
              facts: [hhiFact, totalFact, boundFact("HHI bound", "above 2,500")],
              fingerprint: { hhi: Math.round(f.hhi / 100) * 100 },
            };
          }
          const share = shares.find((s) => s.key === f.key);
          const shareFact: SignalFact = {
            label: `Share of ${f.name}`,
            value: `${percent.format(round(f.share ?? 0))} (${share ? Math.round(share.weight * 100) / 100 : 0} of ${Math.round(total * 100) / 100})`,
            source: SOURCE,
          };
          return {
            subjectKey: `${dimension}:${f.key}`,
            partnerId: dimension === "partner" ? f.key : null,
            serviceId: null,
            title: `Concentration: ${f.name} carries ${percent.format(round(f.share ?? 0))} of ${label}`,
            likelihood: 3,
            impact: 5,
            explanation: `${f.explanation}; the bound is ${percent.format(bounds.concentrationShare)} (${SOURCE}).`,
            facts: [shareFact, totalFact, hhiFact, bound],
            fingerprint: { sharePercent: Math.round((f.share ?? 0) * 100), bound: bounds.concentrationShare },
          };
        });
    });
  },
};
