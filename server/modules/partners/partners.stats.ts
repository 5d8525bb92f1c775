import { count, countDistinct, desc, eq } from "drizzle-orm";
import { countryName } from "../../../domain/countries.js";
import { PARTNER_STATUSES } from "../../../domain/lifecycle.js";
import { CRITICALITIES, PARTNER_CATEGORIES, type PartnerStats } from "../../../domain/partners.js";
import type { Actor } from "../../platform/access.js";
import type { Db } from "../../platform/db/index.js";
import { partnerServices, partners } from "./partners.tables.js";

/** Every key of `keys` with its count from `rows` (0 when absent), so charts show empty buckets too. */
function tally<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> {
  const found = new Map(rows.map((r) => [r.key, r.n]));
  return Object.fromEntries(keys.map((k) => [k, found.get(k) ?? 0])) as Record<K, number>;
}

/**
 * Counts for the dashboard, computed in the database with one grouped query each, so the figures
 * stay exact and cheap at any number of partners.
 */
export async function partnerStats(db: Db, actor: Actor): Promise<PartnerStats> {
  const mine = eq(partners.orgId, actor.orgId);
  const [byStatus, byCategory, byCountry, services] = await Promise.all([
    db.select({ key: partners.status, n: count() }).from(partners).where(mine).groupBy(partners.status),
    db.select({ key: partners.category, n: count() }).from(partners).where(mine).groupBy(partners.category),
    db
      .select({ key: partners.country, n: count() })
      .from(partners)
      .where(mine)
      .groupBy(partners.country)
      .orderBy(desc(count()), partners.country),
    db
      .select({
        key: partnerServices.criticality,
        n: count(),
        partners: countDistinct(partnerServices.partnerId),
      })
      .from(partnerServices)
      .where(eq(partnerServices.orgId, actor.orgId))
      .groupBy(partnerServices.criticality),
  ]);
  return {
    total: byStatus.reduce((sum, r) => sum + r.n, 0),
    byStatus: tally(PARTNER_STATUSES, byStatus),
    byCategory: tally(PARTNER_CATEGORIES, byCategory),
    byCountry: byCountry.map((r) => ({ country: r.key, countryName: countryName(r.key), count: r.n })),
    services: {
      total: services.reduce((sum, r) => sum + r.n, 0),
      byCriticality: tally(CRITICALITIES, services),
      partnersWithCritical: services.find((r) => r.key === "critical")?.partners ?? 0,
    },
  };
}
