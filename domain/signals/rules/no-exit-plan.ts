import { SOURCES } from "../format.js";
import type { SignalRule } from "../types.js";

/**
 * A critical service with no active covering contract that has an exit plan (DORA art. 28(8),
 * EBA outsourcing guidelines §106): leaving the partner, or losing it, would be unprepared. One
 * signal per service.
 *
 * Likelihood 2 (exits are rare), impact 5 (an unplanned exit from a critical service is severe).
 */
export const noExitPlan: SignalRule = {
  id: "no_exit_plan",
  title: "Critical service without an exit plan",
  categoryKey: "exit_lock_in",
  description:
    "A critical service is not covered by an active contract with a documented exit plan. Likelihood 2, impact 5.",
  reads: ["partners", "services", "contracts"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) =>
      p.services
        .filter((s) => s.criticality === "critical")
        .flatMap((s) => {
          const cover = p.contracts.filter((c) => c.status === "active" && c.serviceIds.includes(s.id));
          if (cover.some((c) => c.hasExitPlan)) return [];
          return [
            {
              subjectKey: `service:${s.id}`,
              partnerId: p.id,
              serviceId: s.id,
              title: `${p.name}: no exit plan for '${s.name}'`,
              likelihood: 2,
              impact: 5,
              explanation:
                `${p.name} (partner) provides the critical service '${s.name}', but ` +
                (cover.length
                  ? `none of its active contracts (${cover.map((c) => `'${c.title}'`).join(", ")}) has an exit plan`
                  : "no active contract covers the service") +
                ", so an exit or the partner's failure would be unprepared.",
              facts: [
                { label: "Service", value: `'${s.name}' (${s.criticality})`, source: SOURCES.register },
                {
                  label: "Active contracts covering it",
                  value: cover.length ? cover.map((c) => `'${c.title}' (no exit plan)`).join(", ") : "none",
                  source: SOURCES.register,
                },
              ],
            },
          ];
        }),
    );
  },
};
