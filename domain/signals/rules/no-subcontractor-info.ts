import { SOURCES } from "../format.js";
import type { SignalRule } from "../types.js";

/**
 * Rule 6: a critical service for which the register holds no sub-contractor information: no
 * link of the partner names it, and no link covers all the partner's services (a link naming no
 * service covers them all). Who really does critical work is then unknown. One signal per service.
 *
 * Likelihood 3 (outsourcing chains are common and often undisclosed), impact 4 (the unknown
 * party could fail or leak without our knowing; the service's own failure is rule 1's concern).
 */
export const noSubcontractorInfo: SignalRule = {
  id: "no_subcontractor_info",
  title: "Critical service without sub-contractor information",
  categoryKey: "loss_of_control",
  description:
    "A critical service has no sub-contractor link covering it, so who else works on it is unknown. Likelihood 3, impact 4.",
  reads: ["partners", "services", "subcontractors"],
  bounds: [],
  scope: "partner",
  evaluate(facts) {
    return facts.partners.flatMap((p) => {
      if (p.subcontractors.some((l) => l.serviceIds.length === 0)) return [];
      const covered = new Set(p.subcontractors.flatMap((l) => l.serviceIds));
      return p.services
        .filter((s) => s.criticality === "critical" && !covered.has(s.id))
        .map((s) => ({
          subjectKey: `service:${s.id}`,
          partnerId: p.id,
          serviceId: s.id,
          title: `${p.name}: no sub-contractor information for '${s.name}'`,
          likelihood: 3,
          impact: 4,
          explanation:
            `${p.name} (partner) provides the critical service '${s.name}', but ` +
            (p.subcontractors.length === 0
              ? "no sub-contractors are recorded for the partner"
              : `none of its ${p.subcontractors.length} sub-contractor links covers it`) +
            ", so who else works on it is unknown.",
          facts: [
            { label: "Service", value: `'${s.name}' (${s.criticality})`, source: SOURCES.register },
            {
              label: "Sub-contractor links covering it",
              value: p.subcontractors.length === 0 ? "none recorded" : `none of ${p.subcontractors.length}`,
              source: SOURCES.register,
            },
          ],
        }));
    });
  },
};
