import { sql } from "drizzle-orm";
import { countryName } from "../../../domain/countries.js";
import { PARTNER_TRANSITIONS, type PartnerStatus } from "../../../domain/lifecycle.js";
import type { Criticality, Partner, PartnerCategory, PartnerListItem } from "../../../domain/partners.js";
import {
  partnerContacts,
  partnerServices,
  partnerSites,
  partnerSubcontractors,
  partners,
} from "./partners.tables.js";

const CRITICALITY_BY_RANK: Record<number, Criticality> = { 1: "critical", 2: "important", 3: "standard" };

/** Correlated sub-selects computed with each partner row (cheap: indexed by partner_id). */
export const partnerAggregates = {
  criticalityRank: sql<
    number | null
  >`(SELECT min(CASE ${partnerServices.criticality} WHEN 'critical' THEN 1 WHEN 'important' THEN 2 ELSE 3 END) FROM ${partnerServices} WHERE ${partnerServices.partnerId} = ${partners.id})`.as(
    "criticality_rank",
  ),
  serviceCount:
    sql<number>`(SELECT count(*)::int FROM ${partnerServices} WHERE ${partnerServices.partnerId} = ${partners.id})`.as(
      "service_count",
    ),
};

/** Extra counts shown on the partner page. */
export const partnerCounts = {
  sites: sql<number>`(SELECT count(*)::int FROM ${partnerSites} WHERE ${partnerSites.partnerId} = ${partners.id})`,
  contacts: sql<number>`(SELECT count(*)::int FROM ${partnerContacts} WHERE ${partnerContacts.partnerId} = ${partners.id})`,
  subcontractors: sql<number>`(SELECT count(*)::int FROM ${partnerSubcontractors} WHERE ${partnerSubcontractors.partnerId} = ${partners.id})`,
};

type PartnerRow = typeof partners.$inferSelect;
export interface ListRow {
  partner: PartnerRow;
  owner: { id: string; name: string } | null;
  criticalityRank: number | null;
  serviceCount: number;
}

/** Whitelists a partner row for the list. */
export function presentPartnerListItem(r: ListRow): PartnerListItem {
  const p = r.partner;
  return {
    id: p.id,
    name: p.name,
    legalName: p.legalName,
    country: p.country,
    countryName: countryName(p.country),
    category: p.category as PartnerCategory,
    status: p.status as PartnerStatus,
    tags: p.tags,
    owner: r.owner?.id ? r.owner : null,
    highestCriticality: r.criticalityRank ? CRITICALITY_BY_RANK[r.criticalityRank] : null,
    serviceCount: r.serviceCount,
    riskScore: p.riskScore,
    riskTier: p.riskTier,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Whitelists a partner row with its counts for the partner page. */
export function presentPartner(
  r: ListRow & { counts: { sites: number; contacts: number; subcontractors: number } },
): Partner {
  const item = presentPartnerListItem(r);
  const { serviceCount, ...rest } = item;
  const p = r.partner;
  return {
    ...rest,
    lei: p.lei,
    registrationIds: p.registrationIds,
    website: p.website,
    description: p.description,
    allowedTransitions: [...PARTNER_TRANSITIONS[p.status as PartnerStatus]],
    counts: { ...r.counts, services: serviceCount },
  };
}

/** The audit snapshot of a partner: its own fields, without derived ones. */
export function auditSnapshot(p: PartnerRow) {
  // The risk score and tier are a cache the risk module derives; they are not the partner's own.
  const { orgId: _org, createdAt: _c, updatedAt: _u, riskScore: _s, riskTier: _t, ...fields } = p;
  return fields;
}
