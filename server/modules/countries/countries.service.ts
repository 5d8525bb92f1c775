import { and, eq, sql } from "drizzle-orm";
import { countryName, countryRegion, countryTimeZones, listCountries } from "../../../domain/countries.js";
import {
  assessRisk,
  type CountryOverrideInput,
  DEFAULT_RISK_SETTINGS,
  INDICATOR_LABELS,
  INDICATORS,
  type Indicator,
  type ListCountriesQuery,
  RISK_LEVELS,
  type RiskSettings,
  WGI_ATTRIBUTION,
} from "../../../domain/governance.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { partnerSites, partners } from "../partners/partners.tables.js";
import {
  type GovernanceRow,
  overrideSnapshot,
  presentDataProtection,
  presentFigure,
  presentOverride,
} from "./countries.present.js";
import { countryOverrides, countryRiskSettings, governanceIndicators } from "./countries.tables.js";

/** The organization's risk settings, or the documented defaults. */
export async function riskSettingsOf(db: Queryable, orgId: string): Promise<RiskSettings> {
  const [row] = await db
    .select({ settings: countryRiskSettings.settings })
    .from(countryRiskSettings)
    .where(eq(countryRiskSettings.orgId, orgId));
  return row?.settings ?? DEFAULT_RISK_SETTINGS;
}

/** Each country's latest figure per dimension (a country's dimensions may differ in year). */
async function latestFigures(db: Queryable, iso2?: string) {
  const rows = await db
    .selectDistinctOn([governanceIndicators.iso2, governanceIndicators.indicator])
    .from(governanceIndicators)
    .where(iso2 ? eq(governanceIndicators.iso2, iso2) : undefined)
    .orderBy(
      governanceIndicators.iso2,
      governanceIndicators.indicator,
      sql`${governanceIndicators.year} DESC`,
    );
  const byCountry = new Map<string, Map<Indicator, GovernanceRow>>();
  for (const r of rows) {
    const m = byCountry.get(r.iso2) ?? new Map<Indicator, GovernanceRow>();
    byCountry.set(r.iso2, m);
    m.set(r.indicator as Indicator, r);
  }
  return byCountry;
}

/** Partners and services of the organization per country (partner country, sites, data locations). */
async function exposure(db: Queryable, orgId: string) {
  const partnerRows = await db.execute<{ iso2: string; n: number }>(sql`
    SELECT iso2, count(DISTINCT partner_id)::int AS n FROM (
      SELECT country AS iso2, id AS partner_id FROM partners WHERE org_id = ${orgId}
      UNION ALL
      SELECT country, partner_id FROM partner_sites WHERE org_id = ${orgId}
    ) x GROUP BY iso2`);
  const serviceRows = await db.execute<{ iso2: string; n: number }>(sql`
    SELECT iso2, count(DISTINCT service_id)::int AS n FROM (
      SELECT unnest(s.data_locations) AS iso2, s.id AS service_id FROM partner_services s WHERE s.org_id = ${orgId}
      UNION ALL
      SELECT ps.country, s.id FROM partner_services s
        JOIN partner_sites ps ON ps.partner_id = s.partner_id
        WHERE s.org_id = ${orgId}
    ) x GROUP BY iso2`);
  return {
    partners: new Map(partnerRows.rows.map((r) => [r.iso2, r.n])),
    services: new Map(serviceRows.rows.map((r) => [r.iso2, r.n])),
  };
}

function summarise(code: string, figures: Map<Indicator, GovernanceRow> | undefined, settings: RiskSettings) {
  const percentiles = Object.fromEntries(
    INDICATORS.map((i) => [i, figures?.get(i)?.percentileRank ?? null]),
  ) as Record<Indicator, number | null>;
  const years = [...(figures?.values() ?? [])].map((r) => r.year);
  const risk = assessRisk(
    [...(figures?.values() ?? [])].map((r) => ({
      indicator: r.indicator as Indicator,
      percentile: r.percentileRank,
      year: r.year,
    })),
    settings,
  );
  return {
    code,
    name: countryName(code),
    region: countryRegion(code),
    timeZones: countryTimeZones(code),
    governance: { year: years.length ? Math.max(...years) : null, percentiles },
    risk,
  };
}

const riskRank = (l: string | null) => (l === null ? RISK_LEVELS.length : RISK_LEVELS.indexOf(l as never));

/** Country profiles: public governance figures joined with the organization's own view. */
export function createCountryService(ctx: AppContext) {
  const { db } = ctx.database;

  return {
    async list(actor: Actor, q: ListCountriesQuery) {
      const [latest, exp, settings, overrides] = await Promise.all([
        latestFigures(db),
        exposure(db, actor.orgId),
        riskSettingsOf(db, actor.orgId),
        db
          .select({ iso2: countryOverrides.iso2 })
          .from(countryOverrides)
          .where(eq(countryOverrides.orgId, actor.orgId)),
      ]);
      const overridden = new Set(overrides.map((o) => o.iso2));
      const needle = q.q?.toLowerCase();
      let items = listCountries()
        .map(({ code }) => ({
          ...summarise(code, latest.get(code), settings),
          partnerCount: exp.partners.get(code) ?? 0,
          serviceCount: exp.services.get(code) ?? 0,
          hasOverride: overridden.has(code),
        }))
        .filter(
          (c) =>
            (!needle || c.name.toLowerCase().includes(needle) || c.code.toLowerCase() === needle) &&
            (!q.region || c.region === q.region) &&
            (!q.riskLevel || c.risk.level === q.riskLevel),
        );
      const desc = q.sort.startsWith("-");
      const key = q.sort.replace("-", "");
      const value = (c: (typeof items)[number]): number | string =>
        key === "risk"
          ? riskRank(c.risk.level) // ascending "risk" = lowest risk first
          : key === "partners"
            ? c.partnerCount
            : key === "services"
              ? c.serviceCount
              : key === "code"
                ? c.code
                : c.name;
      items = items.sort((a, b) => {
        // Countries without figures come last whichever way risk is sorted.
        if (key === "risk" && (a.risk.level === null) !== (b.risk.level === null))
          return a.risk.level === null ? 1 : -1;
        const va = value(a);
        const vb = value(b);
        const cmp =
          typeof va === "number" ? (va as number) - (vb as number) : String(va).localeCompare(String(vb));
        return (desc ? -cmp : cmp) || a.name.localeCompare(b.name);
      });
      const years = items.map((c) => c.governance.year).filter((y): y is number => y !== null);
      return {
        items,
        nextCursor: null,
        attribution: WGI_ATTRIBUTION,
        year: years.length ? Math.max(...years) : null,
      } as const;
    },

    async profile(actor: Actor, code: string) {
      const [history, latest, exp, settings, [override], partnerRows] = await Promise.all([
        db
          .select()
          .from(governanceIndicators)
          .where(eq(governanceIndicators.iso2, code))
          .orderBy(governanceIndicators.year),
        latestFigures(db, code),
        exposure(db, actor.orgId),
        riskSettingsOf(db, actor.orgId),
        db
          .select()
          .from(countryOverrides)
          .where(and(eq(countryOverrides.orgId, actor.orgId), eq(countryOverrides.iso2, code))),
        db.execute<{ id: string; name: string; status: string; via: string[] }>(sql`
          SELECT * FROM (
            SELECT p.id, p.name, p.status,
              array_remove(ARRAY[
                CASE WHEN p.country = ${code} THEN 'headquarters' END,
                CASE WHEN EXISTS (SELECT 1 FROM ${partnerSites} ps WHERE ps.partner_id = p.id AND ps.country = ${code}) THEN 'site' END,
                CASE WHEN EXISTS (SELECT 1 FROM partner_services s WHERE s.partner_id = p.id AND ${code} = ANY (s.data_locations)) THEN 'data_location' END
              ], NULL) AS via
            FROM ${partners} p
            WHERE p.org_id = ${actor.orgId}
          ) x
          WHERE cardinality(via) > 0
          ORDER BY name, id`),
      ]);
      const summary = summarise(code, latest.get(code), settings);
      return {
        code: summary.code,
        name: summary.name,
        region: summary.region,
        timeZones: summary.timeZones,
        risk: summary.risk,
        partnerCount: exp.partners.get(code) ?? 0,
        serviceCount: exp.services.get(code) ?? 0,
        hasOverride: Boolean(override),
        attribution: WGI_ATTRIBUTION as typeof WGI_ATTRIBUTION,
        year: summary.governance.year,
        indicators: INDICATORS.map((indicator) => {
          const l = latest.get(code)?.get(indicator);
          return {
            indicator,
            label: INDICATOR_LABELS[indicator],
            latest: l ? presentFigure(l) : null,
            history: history.filter((h) => h.indicator === indicator).map(presentFigure),
          };
        }),
        override: override ? presentOverride(override) : null,
        dataProtection: presentDataProtection(code),
        partners: partnerRows.rows,
      };
    },

    /** Creates or replaces the organization's annotation of a country, audited with before/after. */
    async putOverride(actor: Actor, code: string, input: CountryOverrideInput) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(countryOverrides)
          .where(and(eq(countryOverrides.orgId, actor.orgId), eq(countryOverrides.iso2, code)))
          .for("update");
        const values = {
          internalRating: input.internalRating ?? null,
          sanctioned: input.sanctioned,
          sanctionsNote: input.sanctionsNote ?? null,
          travelWarning: input.travelWarning ?? null,
          notes: input.notes ?? null,
          updatedAt: new Date(),
        };
        const [after] = await tx
          .insert(countryOverrides)
          .values({ orgId: actor.orgId, iso2: code, ...values })
          .onConflictDoUpdate({ target: [countryOverrides.orgId, countryOverrides.iso2], set: values })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: before ? "country_override.update" : "country_override.create",
          entityType: "country_override",
          entityId: after.id,
          before: before ? overrideSnapshot(before) : undefined,
          after: overrideSnapshot(after),
        });
        return presentOverride(after);
      });
    },

    async deleteOverride(actor: Actor, code: string) {
      await db.transaction(async (tx) => {
        const [before] = await tx
          .delete(countryOverrides)
          .where(and(eq(countryOverrides.orgId, actor.orgId), eq(countryOverrides.iso2, code)))
          .returning();
        if (!before) throw notFound("Country override");
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "country_override.delete",
          entityType: "country_override",
          entityId: before.id,
          before: overrideSnapshot(before),
        });
      });
    },

    getRiskSettings: (actor: Actor) => riskSettingsOf(db, actor.orgId),

    async putRiskSettings(actor: Actor, settings: RiskSettings) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ settings: countryRiskSettings.settings })
          .from(countryRiskSettings)
          .where(eq(countryRiskSettings.orgId, actor.orgId))
          .for("update");
        await tx
          .insert(countryRiskSettings)
          .values({ orgId: actor.orgId, settings })
          .onConflictDoUpdate({
            target: countryRiskSettings.orgId,
            set: { settings, updatedAt: new Date() },
          });
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "country_risk_settings.update",
          entityType: "organization",
          entityId: actor.orgId,
          before: row?.settings ?? DEFAULT_RISK_SETTINGS,
          after: settings,
        });
        return settings;
      });
    },
  };
}

export type CountryService = ReturnType<typeof createCountryService>;
