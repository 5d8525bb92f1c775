import { type SQL, sql } from "drizzle-orm";
import {
  analyseDimension,
  type Concentration,
  type ConcentrationQuery,
  concentrationFlags,
  HHI_HIGH,
  HHI_MODERATE,
  scopeLabel,
  sharesOf,
  type WeightedItem,
} from "../../../domain/concentration.js";
import { countryName } from "../../../domain/countries.js";
import type { Actor } from "../../platform/access.js";
import type { Db } from "../../platform/db/index.js";

interface Row {
  dim: "partner" | "country" | "fourthParty";
  level: number;
  key: string;
  name: string | null;
  country: string | null;
  count: number;
  weight: number;
}

/** A service's weight: 1, or 2 for critical services under `critical2x`. Mirrors `serviceWeight`. */
const weightOf = (q: ConcentrationQuery) =>
  sql`CASE WHEN s.criticality = 'critical' THEN ${q.weighting === "critical2x" ? 2 : 1}::int ELSE 1 END`;

/**
 * The aggregation behind `GET /api/v1/concentration`, grouped in the database in one statement
 * (the services in scope are read once, then grouped three ways) so only a few thousand rows at
 * most leave it whatever the number of services. Every table is filtered on `org_id`. Exported so
 * the benchmark runs exactly this statement through `pg` as its baseline.
 *
 * Rows: `dim` partner | country | fourthParty; for fourthParty, `level` 0 is one fourth party,
 * 2 one of their countries, 3 the total (GROUPING bits).
 */
export function concentrationSql(orgId: string, q: ConcentrationQuery): SQL {
  const w = weightOf(q);
  // A service's countries: its data locations, split equally among them, or else (or with
  // by=partnerCountry) the partner's country.
  const locations =
    q.by === "dataLocation"
      ? sql`CASE WHEN cardinality(s.data_locations) > 0 THEN s.data_locations ELSE ARRAY[p.country] END`
      : sql`ARRAY[p.country]`;
  // Services are grouped before countries are unnested: a few hundred distinct location lists
  // instead of one unnest per service.
  return sql`
    WITH svc AS MATERIALIZED (
      SELECT s.id, s.partner_id, ${w} AS w, ${locations} AS locs
        FROM partner_services s
        JOIN partners p ON p.id = s.partner_id AND p.org_id = s.org_id
       WHERE s.org_id = ${orgId}::uuid AND s.criticality = ANY(${sql.param(q.criticality)}::text[])),
    -- A fourth party carries the services its link names, or all the partner's services when the
    -- link names none.
    links AS (
      SELECT sc.subcontractor_id, v.id AS service_id, v.w
        FROM partner_subcontractors sc
        JOIN svc v
          ON v.partner_id = sc.partner_id
         AND (cardinality(sc.service_ids) = 0 OR v.id = ANY(sc.service_ids))
       WHERE sc.org_id = ${orgId}::uuid),
    by_partner AS (SELECT partner_id, count(*)::int AS n, sum(w)::float8 AS w FROM svc GROUP BY partner_id),
    by_locs AS (SELECT locs, count(*)::int AS n, sum(w)::float8 AS w FROM svc GROUP BY locs)
    SELECT 'partner' AS dim, 0 AS level, b.partner_id::text AS key, p.name, NULL::text AS country,
           b.n AS count, b.w AS weight
      FROM by_partner b
      JOIN partners p ON p.id = b.partner_id
    UNION ALL
    SELECT 'country', 0, loc, NULL, NULL, sum(g.n)::int, sum(g.w / cardinality(g.locs))::float8
      FROM by_locs g
     CROSS JOIN LATERAL unnest(g.locs) AS loc
     GROUP BY loc
    UNION ALL
    SELECT 'fourthParty', GROUPING(l.subcontractor_id, sp.country)::int, l.subcontractor_id::text, sp.name,
           sp.country, count(DISTINCT l.service_id)::int, sum(l.w)::float8
      FROM links l
      JOIN partners sp ON sp.id = l.subcontractor_id AND sp.org_id = ${orgId}::uuid
     GROUP BY GROUPING SETS ((l.subcontractor_id, sp.name, sp.country), (sp.country), ())`;
}

const items = (rows: Row[], name: (r: Row) => string): WeightedItem[] =>
  rows.map((r) => ({ key: r.key, name: name(r), weight: r.weight, count: r.count }));

/**
 * Shares per partner and per country of the organization's services in scope, their HHI and
 * flags, and the same through fourth parties (reported separately).
 */
export async function concentration(db: Db, actor: Actor, q: ConcentrationQuery): Promise<Concentration> {
  const { rows } = await db.execute<Row & Record<string, unknown>>(concentrationSql(actor.orgId, q));
  const partners = rows.filter((r) => r.dim === "partner");
  const countries = rows.filter((r) => r.dim === "country");
  const fourth = rows.filter((r) => r.dim === "fourthParty");
  const label = scopeLabel(q.criticality);
  const byPartner = sharesOf(items(partners, (r) => r.name ?? r.key));
  const byCountry = sharesOf(items(countries, (r) => countryName(r.key)));
  const fpPartner = sharesOf(
    items(
      fourth.filter((r) => r.level === 0),
      (r) => r.name ?? r.key,
    ),
  );
  const fpCountry = sharesOf(
    fourth
      .filter((r) => r.level === 2 && r.country)
      .map((r) => ({
        key: r.country as string,
        name: countryName(r.country as string),
        weight: r.weight,
        count: r.count,
      })),
  );
  return {
    scope: {
      criticality: q.criticality,
      threshold: q.threshold,
      weighting: q.weighting,
      by: q.by,
      label,
      services: partners.reduce((sum, r) => sum + r.count, 0),
      weight: partners.reduce((sum, r) => sum + r.weight, 0),
    },
    byPartner: analyseDimension(byPartner, q.limit),
    byCountry: analyseDimension(byCountry, q.limit),
    fourthParties: {
      services: fourth.find((r) => r.level === 3)?.count ?? 0,
      byPartner: analyseDimension(fpPartner, q.limit),
      byCountry: analyseDimension(fpCountry, q.limit),
    },
    flags: [
      ...concentrationFlags("partner", byPartner, q.threshold, label),
      ...concentrationFlags("country", byCountry, q.threshold, label),
      ...concentrationFlags("fourthParty", fpPartner, q.threshold, label),
      ...concentrationFlags("fourthPartyCountry", fpCountry, q.threshold, label),
    ],
    bands: { moderateFrom: HHI_MODERATE, highAbove: HHI_HIGH },
  };
}
