import type { KpiFacts, KpiPointFacts } from "../facts.js";
import { highestCriticality, IMPACT_BY_CRITICALITY, listText, SOURCES, servicesText } from "../format.js";
import type { SignalRule } from "../types.js";

/** How many of a KPI's latest measurements the rule looks at. */
export const KPI_WINDOW = 6;
/** Breaches plus anomalies among them that make a pattern rather than an incident. */
export const KPI_MIN_DEVIATIONS = 3;
/** Breaches among them that make a further miss likely (4) rather than possible (3). */
export const KPI_LIKELY_BREACHES = 3;

const MEASUREMENTS = "Outsight KPI measurements (thresholds and statistical process control)";
/** Impact when the KPI's contract covers no recorded service: a moderate quality loss. */
const DEFAULT_IMPACT = 3;

/** "2026-06" for monthly KPIs (the period is the month), the start date otherwise. */
const periodText = (k: KpiFacts, p: KpiPointFacts) =>
  k.period === "monthly" ? p.periodStart.slice(0, 7) : p.periodStart;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A KPI that keeps missing: at least 3 of its last 6 measurements breach the breach threshold or
 * are statistical anomalies (drifting adversely before a threshold is crossed) — a pattern in the
 * partner's service quality, not a one-off incident. One signal per KPI.
 *
 * Likelihood 4 when 3 or more of them are breaches, else 3. Impact from the most critical service
 * the KPI's contract covers (critical 5, important 4, standard 3), 3 when it covers none recorded.
 * The fingerprint is the counts, so a new measurement that leaves the picture as it was neither
 * reopens a dismissed signal nor rewrites an open one.
 */
export const kpiDeviations: SignalRule = {
  id: "kpi_deviations",
  title: "KPI repeatedly breached or anomalous",
  categoryKey: "quality",
  description:
    "At least 3 of a KPI's last 6 measurements breach its threshold or are statistical anomalies. Likelihood 4 with 3 or more breaches, else 3; impact from the criticality of the services its contract covers (3 if none).",
  reads: ["partners", "services", "contracts", "kpis"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) =>
      p.kpis.flatMap((k) => {
        const recent = k.recent.slice(-KPI_WINDOW);
        const breaches = recent.filter((m) => m.status === "breach");
        const anomalies = recent.filter((m) => m.status === "anomaly");
        const deviations = breaches.length + anomalies.length;
        if (deviations < KPI_MIN_DEVIATIONS) return [];
        const contract = p.contracts.find((c) => c.id === k.contractId);
        const covered = p.services.filter((s) => contract?.serviceIds.includes(s.id));
        const criticality = highestCriticality(covered);
        const likelihood = breaches.length >= KPI_LIKELY_BREACHES ? 4 : 3;
        const impact = criticality ? IMPACT_BY_CRITICALITY[criticality] : DEFAULT_IMPACT;
        const window = `${periodText(k, recent[0])} … ${periodText(k, recent[recent.length - 1])}`;
        const counts = [
          ...(breaches.length ? [plural(breaches.length, "breach", "breaches")] : []),
          ...(anomalies.length ? [plural(anomalies.length, "anomaly", "anomalies")] : []),
        ];
        const listed = (label: string, points: KpiPointFacts[]) =>
          points.length ? [`${label} ${points.map((m) => periodText(k, m)).join(", ")}`] : [];
        return [
          {
            subjectKey: `kpi:${k.id}`,
            partnerId: p.id,
            serviceId: null,
            title: `${p.name}: KPI '${k.name}' repeatedly missed`,
            likelihood,
            impact,
            explanation:
              `KPI '${k.name}' of ${p.name} (partner, contract '${k.contractTitle}'): ${deviations} of the last ` +
              `${recent.length} measurements (${window}) breach or are anomalies (${listText(counts)}). ` +
              `Likelihood ${likelihood}: ${breaches.length >= KPI_LIKELY_BREACHES ? "3 or more breaches" : "fewer than 3 breaches"}; ` +
              `impact ${impact}: ${
                criticality
                  ? `the contract covers ${servicesText(covered)}`
                  : "the contract covers no recorded service, so a moderate impact is assumed"
              }.`,
            facts: [
              {
                label: "KPI",
                value: `'${k.name}' (contract '${k.contractTitle}')`,
                source: SOURCES.register,
              },
              {
                label: `Last ${recent.length} measurements (${window})`,
                value: `${deviations} of ${recent.length} breach or are anomalies: ${[
                  ...listed("breach", breaches),
                  ...listed("anomaly", anomalies),
                ].join("; ")}`,
                source: MEASUREMENTS,
              },
              {
                label: "Services the contract covers",
                value: covered.length ? servicesText(covered) : "none recorded",
                source: SOURCES.register,
              },
            ],
            fingerprint: { breaches: breaches.length, anomalies: anomalies.length },
          },
        ];
      }),
    );
  },
};
