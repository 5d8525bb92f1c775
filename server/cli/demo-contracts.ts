import { eq } from "drizzle-orm";
import { CreateContract, CreateObligation } from "../../domain/contracts.js";
import { addDays, todayUtc } from "../../domain/time.js";
import { createContractService } from "../modules/contracts/contracts.service.js";
import { createObligationService } from "../modules/contracts/obligations.service.js";
import { partnerServices } from "../modules/partners/partners.tables.js";
import type { Actor } from "../platform/access.js";
import type { Runtime } from "../platform/runtime.js";

const ALL_CLAUSES = {
  auditRights: true,
  dataProtection: true,
  ipOwnership: true,
  confidentiality: true,
  subcontractingApproval: true,
  terminationExitAssistance: true,
  complianceWithLaws: true,
  serviceLevels: true,
};

/** Days from today, so the demo's deadlines stay near "now" whenever it is loaded. */
const inDays = (n: number) => addDays(todayUtc(), n);

const CONTRACTS = [
  {
    partner: "Bangalore Code Works",
    type: "msa",
    title: "Master services agreement",
    reference: "MSA-2024-BCW",
    status: "active",
    startDate: inDays(-540),
    endDate: inDays(110),
    autoRenewal: true,
    renewalTermMonths: 12,
    noticePeriodDaysOurs: 90,
    noticePeriodDaysTheirs: 180,
    value: 1_250_000,
    currency: "EUR",
    governingLaw: "NL",
    clauses: { ...ALL_CLAUSES, subcontractingApproval: false },
    reviewIntervalDays: 365,
    exitPlan: {
      has: true,
      summary: "Knowledge transfer to Kraków over 6 months; escrow release.",
      lastTestedAt: inDays(-200),
    },
    obligations: [
      {
        title: "Quarterly security attestation",
        side: "theirs",
        dueDate: inDays(-6),
        recurrence: "quarterly",
      },
      { title: "Annual price review", side: "ours", dueDate: inDays(45), recurrence: "yearly" },
    ],
  },
  {
    partner: "Manila Contact Solutions",
    type: "dpa",
    title: "Data processing agreement",
    reference: "DPA-2025-MCS",
    status: "active",
    startDate: inDays(-300),
    endDate: inDays(430),
    autoRenewal: false,
    noticePeriodDaysOurs: 60,
    currency: null,
    clauses: { dataProtection: true, confidentiality: true, complianceWithLaws: true },
    reviewIntervalDays: 180,
    obligations: [
      { title: "Monthly access-log export", side: "theirs", dueDate: inDays(12), recurrence: "monthly" },
    ],
  },
  {
    partner: "CloudScale Hosting",
    type: "sla",
    title: "Hosting service level agreement",
    reference: "SLA-CS-3",
    status: "active",
    startDate: inDays(-200),
    endDate: inDays(160),
    autoRenewal: true,
    renewalTermMonths: 12,
    noticePeriodDaysOurs: 60,
    value: 240_000,
    currency: "USD",
    governingLaw: "DE",
    clauses: ALL_CLAUSES,
    reviewIntervalDays: 365,
    exitPlan: {
      has: true,
      summary: "Second region warm standby; data export tested.",
      lastTestedAt: inDays(-40),
    },
    obligations: [{ title: "Disaster-recovery test report", side: "theirs", dueDate: inDays(-20) }],
  },
  {
    partner: "Kraków Software House",
    type: "nda",
    title: "Mutual non-disclosure agreement",
    reference: "NDA-22-9",
    status: "draft",
    startDate: inDays(10),
    endDate: inDays(740),
    autoRenewal: false,
    clauses: { confidentiality: true, ipOwnership: true },
    obligations: [],
  },
] as const;

/**
 * The demo's contracts: an MSA with a notice deadline coming up, a DPA, an SLA and a draft NDA,
 * with obligations (some overdue), so the contracts pages, the renewal calendar and the contract
 * signal rules all have something to show.
 */
export async function loadDemoContracts(runtime: Runtime, actor: Actor, partnerIds: Map<string, string>) {
  const contracts = createContractService(runtime);
  const obligations = createObligationService(runtime);
  for (const { partner, obligations: todo, ...c } of CONTRACTS) {
    const partnerId = partnerIds.get(partner)!;
    const services = await runtime.database.db
      .select({ id: partnerServices.id })
      .from(partnerServices)
      .where(eq(partnerServices.partnerId, partnerId));
    const created = await contracts.create(
      actor,
      CreateContract.parse({ ...c, partnerId, serviceIds: services.map((s) => s.id) }),
    );
    for (const o of todo) await obligations.create(actor, created.id, CreateObligation.parse(o));
  }
  return CONTRACTS.length;
}
