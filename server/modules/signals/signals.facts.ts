import { type SQL, sql } from "drizzle-orm";
import { statusAt } from "../../../domain/kpi-series.js";
import { evaluateColumns } from "../../../domain/kpi-spc.js";
import type { KpiDirection, KpiPeriod } from "../../../domain/kpis.js";
import type { Criticality } from "../../../domain/partners.js";
import type {
  CarrierFacts,
  ContractFacts,
  CountryFacts,
  DocumentShareFacts,
  IndicatorFact,
  KpiFacts,
  NdaFacts,
  PartnerFacts,
  ServiceFacts,
  SignalFacts,
  SiteFacts,
  SubcontractorLinkFacts,
} from "../../../domain/signals/facts.js";
import { KPI_WINDOW } from "../../../domain/signals/rules/kpi-deviations.js";
import type { Queryable } from "../../platform/db/index.js";
import { concentrationSql } from "../concentration/concentration.service.js";
import { DATA_PROTECTION, DATA_PROTECTION_AS_OF } from "../countries/data/data-protection.js";
import type { SignalScope } from "./signals.reevaluate.js";

/** Measurements read per KPI: enough history for SPC to have a baseline for the latest ones. */
const KPI_HISTORY = 40;

/** The criticalities the concentration rule weighs, as on the concentration page's default. */
const CONCENTRATION_SCOPE: Criticality[] = ["critical", "important"];

/** WGI indicator codes (as stored) → the names rules read. */
const INDICATOR_KEYS = {
  PoliticalStability: "politicalStability",
  RuleofLaw: "ruleOfLaw",
  RegulatoryQuality: "regulatoryQuality",
} as const;

/** node-postgres rows are records; the fact types are interfaces. */
type R<T> = T & Record<string, unknown>;

/**
 * Loads the facts the rules read for `scope`, set-based: one statement per kind of fact whatever
 * the number of partners, every one filtered on `org_id` (and on the partners in scope). The
 * concentration figures are always organization-wide, as shares depend on every partner.
 */
export async function loadSignalFacts(
  q: Queryable,
  orgId: string,
  scope: SignalScope,
  today = new Date().toISOString().slice(0, 10),
): Promise<SignalFacts> {
  const ids = scope === "all" ? null : scope.partnerIds;
  // `partner_id = ANY(NULL)` would match nothing, so the filter is dropped for scope "all".
  const inScope = (col: string) =>
    ids === null ? sql`` : sql` AND ${sql.raw(col)} = ANY(${`{${ids.join(",")}}`}::uuid[])`;
  const empty = ids !== null && ids.length === 0;
  // Per-partner facts: nothing to read for an empty scope (organization-wide rules only).
  const partnerFacts = async <T>(query: SQL): Promise<T[]> =>
    empty ? [] : ((await q.execute<R<T>>(query)).rows as T[]);

  // A transaction is one connection: the statements run one after another.
  const partnerRows = await partnerFacts<{ id: string; name: string; status: string; country: string }>(sql`
    SELECT id, name, status, country FROM partners
     WHERE org_id = ${orgId} AND status <> 'exited'${inScope("id")}`);
  const siteRows = await partnerFacts<SiteFacts & { partnerId: string }>(sql`
    SELECT id, partner_id AS "partnerId", name, country, city, time_zone AS "timeZone",
           working_hours AS "workingHours"
      FROM partner_sites WHERE org_id = ${orgId}${inScope("partner_id")}`);
  const serviceRows = await partnerFacts<ServiceFacts & { partnerId: string }>(sql`
    SELECT id, partner_id AS "partnerId", name, criticality, data_categories AS "dataCategories",
           data_locations AS "dataLocations"
      FROM partner_services WHERE org_id = ${orgId}${inScope("partner_id")}`);
  const linkRows = await partnerFacts<SubcontractorLinkFacts & { partnerId: string }>(sql`
    SELECT l.partner_id AS "partnerId", l.subcontractor_id AS "subcontractorId",
           sp.name AS "subcontractorName", l.service_ids AS "serviceIds"
      FROM partner_subcontractors l
      JOIN partners sp ON sp.id = l.subcontractor_id
     WHERE l.org_id = ${orgId}${inScope("l.partner_id")}`);
  const riskRows = await partnerFacts<{ partnerId: string; open: number; withReview: number }>(sql`
    SELECT partner_id AS "partnerId", count(*)::int AS open, count(next_review_date)::int AS "withReview"
      FROM risks
     WHERE org_id = ${orgId} AND status <> 'closed' AND partner_id IS NOT NULL${inScope("partner_id")}
     GROUP BY partner_id`);
  const contractRows = await partnerFacts<ContractFacts & { partnerId: string }>(sql`
    SELECT c.id, c.partner_id AS "partnerId", c.title, c.status,
           coalesce((SELECT array_agg(cs.service_id) FROM contract_services cs WHERE cs.contract_id = c.id),
                    '{}') AS "serviceIds",
           coalesce((c.clauses->>'auditRights')::boolean, false) AS "auditRights",
           coalesce((c.clauses->>'dataProtection')::boolean, false) AS "dataProtection",
           c.has_exit_plan AS "hasExitPlan"
      FROM contracts c
     WHERE c.org_id = ${orgId} AND c.status IN ('draft', 'active')${inScope("c.partner_id")}
     ORDER BY c.created_at, c.id`);
  const kpiRows = await partnerFacts<
    Omit<KpiFacts, "recent"> & {
      partnerId: string;
      unit: string;
      direction: KpiDirection;
      period: KpiPeriod;
      target: number;
      warningThreshold: number;
      breachThreshold: number;
    }
  >(sql`
    SELECT k.id, k.partner_id AS "partnerId", k.name, k.period, k.contract_id AS "contractId",
           c.title AS "contractTitle", k.unit, k.direction, k.target,
           k.warning_threshold AS "warningThreshold", k.breach_threshold AS "breachThreshold"
      FROM kpis k
      JOIN contracts c ON c.id = k.contract_id
     WHERE k.org_id = ${orgId} AND c.status IN ('draft', 'active')${inScope("k.partner_id")}
     ORDER BY k.created_at, k.id`);
  // The last KPI_HISTORY measurements of every KPI in scope in one statement, oldest first. Per
  // KPI from the primary key backwards (LIMIT): a window over all of a KPI's history read and
  // sorted every point, ~200 ms per evaluation once partners had 100,000s of measurements. (No
  // org_id test on the measurements: the KPI's is enough, and the extra filter made the planner
  // fetch and sort each KPI's whole history instead.)
  const measurementRows = kpiRows.length
    ? await partnerFacts<{ kpiId: string; periodStart: string; value: number }>(sql`
    SELECT m.kpi_id AS "kpiId", m.period_start::text AS "periodStart", m.value
      FROM kpis k
      JOIN contracts c ON c.id = k.contract_id AND c.status IN ('draft', 'active')
      CROSS JOIN LATERAL (
        SELECT kpi_id, period_start, value FROM kpi_measurements
         WHERE kpi_id = k.id
         ORDER BY period_start DESC LIMIT ${KPI_HISTORY}) m
     WHERE k.org_id = ${orgId}${inScope("k.partner_id")}
     ORDER BY m.kpi_id, m.period_start`)
    : [];
  // Every NDA, whatever its dates: the rule judges them on `today`, so the nightly run sees one
  // come into force or lapse without an edit.
  const ndaRows = await partnerFacts<NdaFacts & { partnerId: string }>(sql`
    SELECT id, partner_id AS "partnerId", type, effective_date::text AS "effectiveDate",
           expiry_date::text AS "expiryDate"
      FROM ndas WHERE org_id = ${orgId}${inScope("partner_id")}
     ORDER BY effective_date, id`);
  // Live shares only (not revoked, not yet expired at the transaction's time): an expired share
  // drops out of the facts, so the nightly run resolves what it raised without an edit.
  const shareRows = await partnerFacts<DocumentShareFacts & { partnerId: string }>(sql`
    SELECT s.id AS "shareId", s.partner_id AS "partnerId", s.document_id AS "documentId", d.title,
           d.classification,
           to_char(s.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt"
      FROM document_shares s
      JOIN documents d ON d.id = s.document_id AND d.org_id = s.org_id
     WHERE s.org_id = ${orgId} AND s.revoked_at IS NULL AND s.expires_at > now()${inScope("s.partner_id")}
     ORDER BY d.title, s.document_id, s.id`);
  const ourSites = await q.execute<R<SiteFacts>>(sql`
    SELECT id, name, country, city, time_zone AS "timeZone", working_hours AS "workingHours"
      FROM organization_sites WHERE org_id = ${orgId} ORDER BY created_at, id`);
  const concentrationRows = await q.execute<
    R<{ dim: string; key: string; name: string | null; count: number; weight: number }>
  >(
    concentrationSql(orgId, {
      criticality: CONCENTRATION_SCOPE,
      threshold: 0,
      weighting: "count",
      by: "dataLocation",
      limit: 1,
    }),
  );

  const partners = new Map<string, PartnerFacts>(
    partnerRows.map((p) => [
      p.id,
      {
        ...p,
        sites: [],
        services: [],
        subcontractors: [],
        risksWithReviewDate: 0,
        openRisks: 0,
        contracts: [],
        kpis: [],
        ndas: [],
        documentShares: [],
      },
    ]),
  );
  for (const { partnerId, ...s } of siteRows) partners.get(partnerId)?.sites.push(s);
  for (const { partnerId, ...s } of serviceRows) partners.get(partnerId)?.services.push(s);
  for (const { partnerId, ...l } of linkRows) partners.get(partnerId)?.subcontractors.push(l);
  for (const { partnerId, ...c } of contractRows) partners.get(partnerId)?.contracts.push(c);
  for (const { partnerId, ...n } of ndaRows) partners.get(partnerId)?.ndas.push(n);
  for (const { partnerId, ...d } of shareRows) partners.get(partnerId)?.documentShares.push(d);
  const series = new Map<string, { periodStart: string; value: number }[]>();
  for (const { kpiId, ...m } of measurementRows) {
    const list = series.get(kpiId);
    if (list) list.push(m);
    else series.set(kpiId, [m]);
  }
  for (const { partnerId, unit, direction, target, warningThreshold, breachThreshold, ...k } of kpiRows) {
    const points = series.get(k.id) ?? [];
    // Statuses are evaluated, not stored (they depend on thresholds and history): judge the
    // loaded history and keep the verdicts of the most recent points.
    // Statuses only: the columnar evaluation, no objects and no reasons in words.
    const judged = evaluateColumns({ unit, direction, target, warningThreshold, breachThreshold }, points);
    const recent: { periodStart: string; status: ReturnType<typeof statusAt> }[] = [];
    for (let i = Math.max(0, points.length - KPI_WINDOW); i < points.length; i++)
      recent.push({ periodStart: points[i].periodStart, status: statusAt(judged, i) });
    partners.get(partnerId)?.kpis.push({ ...k, recent });
  }
  for (const r of riskRows) {
    const p = partners.get(r.partnerId);
    if (p) {
      p.openRisks = r.open;
      p.risksWithReviewDate = r.withReview;
    }
  }

  const countries = new Set<string>();
  for (const p of partners.values()) {
    countries.add(p.country);
    for (const s of p.sites) countries.add(s.country);
    for (const s of p.services) for (const c of s.dataLocations) countries.add(c);
  }
  const carriers = (dim: string): CarrierFacts[] =>
    concentrationRows.rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key, name: r.name ?? r.key, count: r.count, weight: r.weight }));

  return {
    today,
    partners: [...partners.values()],
    countries: await loadCountryFacts(q, [...countries]),
    organizationSites: ourSites.rows,
    concentration: {
      criticality: CONCENTRATION_SCOPE,
      byPartner: carriers("partner"),
      byCountry: carriers("country"),
    },
  };
}

/** The latest WGI figure per indicator the rules read, and the data-protection entry, per country. */
async function loadCountryFacts(q: Queryable, codes: string[]): Promise<Record<string, CountryFacts>> {
  const out: Record<string, CountryFacts> = {};
  for (const code of codes) {
    const dp = DATA_PROTECTION[code];
    out[code] = {
      governance: {},
      dataProtection: {
        status: dp?.euStatus ?? "unknown",
        law: dp?.law ?? null,
        asOf: DATA_PROTECTION_AS_OF,
      },
    };
  }
  if (codes.length === 0) return out;
  // Installation-wide reference data: no org_id (see governance_indicators).
  const { rows } = await q.execute<
    R<IndicatorFact & { iso2: string; indicator: keyof typeof INDICATOR_KEYS }>
  >(sql`
    SELECT DISTINCT ON (iso2, indicator) iso2, indicator, year, percentile_rank AS percentile, source
      FROM governance_indicators
     WHERE iso2 = ANY(${`{${codes.join(",")}}`}::text[])
       AND indicator = ANY(${`{${Object.keys(INDICATOR_KEYS).join(",")}}`}::text[])
       AND percentile_rank IS NOT NULL
     ORDER BY iso2, indicator, year DESC`);
  for (const { iso2, indicator, ...f } of rows) out[iso2].governance[INDICATOR_KEYS[indicator]] = f;
  return out;
}
