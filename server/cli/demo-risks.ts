import { CreateSite } from "../../domain/partner-parts.js";
import { CreateControl, CreateRiskTask } from "../../domain/risk-treatment.js";
import { CreateRisk } from "../../domain/risks.js";
import { createOrganizationSiteService } from "../modules/organizations/sites.service.js";
import { createControlService } from "../modules/risks/controls.service.js";
import { createRiskCategoryService } from "../modules/risks/risk-categories.service.js";
import { createRiskReviewService } from "../modules/risks/risk-reviews.service.js";
import { createRiskTaskService } from "../modules/risks/risk-tasks.service.js";
import { createRiskService } from "../modules/risks/risks.service.js";
import type { Actor } from "../platform/access.js";
import type { Runtime } from "../platform/runtime.js";

const OUR_SITES = [
  {
    name: "Amsterdam headquarters",
    country: "NL",
    city: "Amsterdam",
    timeZone: "Europe/Amsterdam",
    workingHours: { start: "09:00", end: "17:30", days: [1, 2, 3, 4, 5] },
  },
  {
    name: "Lisbon operations",
    country: "PT",
    city: "Lisbon",
    timeZone: "Europe/Lisbon",
    workingHours: { start: "09:00", end: "18:00", days: [1, 2, 3, 4, 5] },
  },
];

const CONTROLS = [
  {
    key: "sec",
    name: "Annual security assessment of the partner",
    type: "detective",
    effectiveness: "effective",
  },
  { key: "dpa", name: "Data processing agreement with SCCs", type: "preventive", effectiveness: "effective" },
  {
    key: "access",
    name: "Least-privilege access with quarterly recertification",
    type: "preventive",
    effectiveness: "partially_effective",
  },
  {
    key: "bcp",
    name: "Tested business-continuity plan at the partner",
    type: "corrective",
    effectiveness: "not_tested",
  },
  {
    key: "escrow",
    name: "Source-code escrow and documentation handover",
    type: "corrective",
    effectiveness: "partially_effective",
  },
  {
    key: "sla",
    name: "Monthly SLA review with service credits",
    type: "detective",
    effectiveness: "effective",
  },
] as const;

interface DemoRisk {
  title: string;
  category: string;
  partner?: string;
  inherent: [number, number];
  residual: [number, number];
  treatment?: "mitigate" | "accept" | "transfer" | "avoid";
  status?: "open" | "in_treatment" | "closed";
  controls?: (typeof CONTROLS)[number]["key"][];
  reviewIntervalDays?: number;
  /** Days from today; negative = overdue. */
  nextReviewInDays?: number;
  tasks?: { title: string; dueInDays: number; status?: "open" | "in_progress" | "done" }[];
  description: string;
}

const RISKS: DemoRisk[] = [
  {
    title: "Customer card data exposed by BPO agents",
    category: "data_security",
    partner: "Manila Contact Solutions",
    inherent: [4, 5],
    residual: [3, 4],
    status: "in_treatment",
    controls: ["dpa", "access"],
    nextReviewInDays: -12,
    tasks: [
      {
        title: "Roll out clean-desk and no-phone policy on the support floor",
        dueInDays: -5,
        status: "in_progress",
      },
      { title: "Mask card numbers in the ticketing tool", dueInDays: 21 },
    ],
    description: "Tier-1 agents see full card numbers in tickets; a single malicious agent could copy them.",
  },
  {
    title: "Core banking portal knowledge held by two engineers",
    category: "exit_lock_in",
    partner: "Bangalore Code Works",
    inherent: [4, 4],
    residual: [3, 4],
    controls: ["escrow"],
    reviewIntervalDays: 90,
    tasks: [{ title: "Quarterly knowledge-transfer session recorded", dueInDays: 30 }],
    description:
      "Only two people at the partner understand the settlement module; attrition would stall releases.",
  },
  {
    title: "Payments engineering source code reused for other clients",
    category: "intellectual_property",
    partner: "Kraków Software House",
    inherent: [3, 5],
    residual: [2, 4],
    controls: ["escrow", "access"],
    reviewIntervalDays: 180,
    description: "The partner builds similar platforms for competitors; code and designs could travel.",
  },
  {
    title: "Hardware token supply disrupted by export controls",
    category: "political_economic_instability",
    partner: "Shenzhen Precision Manufacturing",
    inherent: [3, 4],
    residual: [3, 3],
    treatment: "transfer",
    reviewIntervalDays: 90,
    nextReviewInDays: -3,
    description: "Trade restrictions could stop token shipments; a second supplier is being qualified.",
  },
  {
    title: "Regression suite misses payment edge cases",
    category: "quality",
    partner: "Saigon Quality Testing",
    inherent: [3, 3],
    residual: [2, 3],
    controls: ["sla"],
    reviewIntervalDays: 180,
    tasks: [{ title: "Add chargeback scenarios to the regression suite", dueInDays: -2 }],
    description: "Escaped defects in refunds and chargebacks reached production twice this year.",
  },
  {
    title: "KYC documents processed without adequate data-protection guarantees",
    category: "regulatory_compliance",
    partner: "Nairobi Data Services",
    inherent: [4, 4],
    residual: [4, 4],
    reviewIntervalDays: 90,
    description:
      "Identity documents of EU customers are processed in Kenya; transfer safeguards are not yet signed.",
  },
  {
    title: "Hosting outage takes the payments platform down",
    category: "loss_of_control",
    partner: "CloudScale Hosting",
    inherent: [2, 5],
    residual: [2, 3],
    controls: ["bcp", "sla"],
    reviewIntervalDays: 365,
    description: "A region-wide outage at the hosting provider would stop card authorisations.",
  },
  {
    title: "Support quality drops after the night shift moves offshore",
    category: "communication_barriers",
    partner: "Manila Contact Solutions",
    inherent: [3, 3],
    residual: [2, 3],
    reviewIntervalDays: 90,
    description: "Escalations wait for our morning; customers notice the delay.",
  },
  {
    title: "Our operations staff resist the outsourcing programme",
    category: "employee_morale",
    inherent: [3, 3],
    residual: [2, 2],
    reviewIntervalDays: 90,
    tasks: [{ title: "Town hall on the outsourcing roadmap and new roles", dueInDays: 10, status: "done" }],
    description: "Uncertainty about roles after the transition; two senior engineers have resigned.",
  },
  {
    title: "Too much critical work with one offshore partner",
    category: "concentration",
    inherent: [3, 4],
    residual: [3, 4],
    reviewIntervalDays: 180,
    description: "Three of our critical services depend on partners in the same region.",
  },
  {
    title: "SOC provider incentivised on ticket volume, not outcomes",
    category: "misaligned_objectives",
    partner: "Tallinn Security Operations",
    inherent: [2, 3],
    residual: [2, 2],
    controls: ["sla"],
    reviewIntervalDays: 180,
    description: "The contract pays per alert handled, which rewards noise over detection quality.",
  },
  {
    title: "Translation vendor mixes up regulated terminology",
    category: "quality",
    partner: "Cairo Translation Services",
    inherent: [2, 2],
    residual: [2, 2],
    status: "closed",
    description: "Closed: the vendor is exiting and the work moved in-house.",
  },
];

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's risk register: our two sites (so working-time overlap signals have something to
 * compare), a control library, a dozen risks across the taxonomy with tasks, reviews and an
 * acceptance. The signals engine raises its proposals on its own as the data goes in.
 */
export async function loadDemoRisks(
  runtime: Runtime,
  actor: Actor,
  partnerIds: Map<string, string>,
  riskManagerId: string,
) {
  const sites = createOrganizationSiteService(runtime);
  for (const s of OUR_SITES) await sites.create(actor, CreateSite.parse(s));
  const categories = new Map(
    (await createRiskCategoryService(runtime).list(actor)).items.map((c) => [c.key ?? c.name, c.id]),
  );
  const controlService = createControlService(runtime);
  const controlIds = new Map<string, string>();
  for (const c of CONTROLS) {
    const created = await controlService.create(actor, CreateControl.parse({ ...c, ownerId: riskManagerId }));
    controlIds.set(c.key, created.id);
  }
  const riskService = createRiskService(runtime);
  const tasks = createRiskTaskService(runtime);
  const reviews = createRiskReviewService(runtime);
  const created: string[] = [];
  for (const r of RISKS) {
    const risk = await riskService.create(
      actor,
      CreateRisk.parse({
        title: r.title,
        description: r.description,
        categoryId: categories.get(r.category),
        partnerId: r.partner ? partnerIds.get(r.partner) : null,
        ownerId: riskManagerId,
        inherentLikelihood: r.inherent[0],
        inherentImpact: r.inherent[1],
        residualLikelihood: r.residual[0],
        residualImpact: r.residual[1],
        treatment: r.treatment ?? "mitigate",
        status: r.status ?? "open",
        reviewIntervalDays: r.reviewIntervalDays ?? null,
        nextReviewDate: r.nextReviewInDays !== undefined ? inDays(r.nextReviewInDays) : undefined,
      }),
    );
    created.push(risk.id);
    for (const key of r.controls ?? []) await controlService.link(actor, risk.id, controlIds.get(key)!);
    for (const t of r.tasks ?? [])
      await tasks.create(
        actor,
        risk.id,
        CreateRiskTask.parse({
          title: t.title,
          dueDate: inDays(t.dueInDays),
          status: t.status,
          assigneeId: riskManagerId,
        }),
      );
  }
  await reviews.create(actor, created[1], {
    notes: "Escrow deposit verified; knowledge transfer sessions started. Residual unchanged.",
    nextReviewDate: inDays(90),
  });
  await riskService.accept(actor, created[10], {
    justification: "Low residual score; the SOC contract is renegotiated at renewal in six months.",
    expiresAt: inDays(180),
  });
  return created.length;
}
