import { and, asc, eq } from "drizzle-orm";
import {
  communicationRisk,
  computeOverlap,
  OVERLAP_LOW_RISK_MIN_MINUTES,
  OVERLAP_MEDIUM_RISK_MIN_MINUTES,
  PARTNER_OVERLAP_DAYS,
  type PartnerOverlap,
} from "../../../domain/overlap.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { organizationSites } from "../organizations/organizations.tables.js";
import { partnerSites, partners } from "../partners/partners.tables.js";

type SiteRow = {
  id: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  workingHours: { start: string; end: string; days: number[] };
};
const ref = (s: SiteRow) => ({
  id: s.id,
  name: s.name,
  city: s.city,
  country: s.country,
  timeZone: s.timeZone,
  workingHours: s.workingHours,
});
const side = (s: SiteRow) => ({ timeZone: s.timeZone, workingHours: s.workingHours, country: s.country });

/** Working-time overlap between a partner's sites and the organization's own. */
export function createOverlapService(ctx: AppContext) {
  const { db } = ctx.database;
  return {
    /**
     * Each partner site against each of our sites over `PARTNER_OVERLAP_DAYS` from `from`, with
     * the communication-risk level of the average overlap per working day. Read-only, so no audit.
     */
    async forPartner(actor: Actor, partnerId: string, from = todayUtc()): Promise<PartnerOverlap> {
      const [p] = await db
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.id, partnerId), eq(partners.orgId, actor.orgId)));
      if (!p) throw notFound("Partner");
      const [theirs, ours] = await Promise.all([
        db
          .select()
          .from(partnerSites)
          .where(and(eq(partnerSites.partnerId, partnerId), eq(partnerSites.orgId, actor.orgId)))
          .orderBy(asc(partnerSites.createdAt), asc(partnerSites.id)),
        db
          .select()
          .from(organizationSites)
          .where(eq(organizationSites.orgId, actor.orgId))
          .orderBy(asc(organizationSites.createdAt), asc(organizationSites.id)),
      ]);
      const pairs = theirs.flatMap((t) =>
        ours.map((o) => {
          const r = computeOverlap(side(o), side(t), from, PARTNER_OVERLAP_DAYS);
          return {
            organizationSite: ref(o),
            partnerSite: ref(t),
            risk: communicationRisk(r.averageOverlapMinutesPerWorkingDay, r.workingDays),
            ...r,
          };
        }),
      );
      return {
        from,
        days: PARTNER_OVERLAP_DAYS,
        thresholds: {
          lowRiskMinMinutes: OVERLAP_LOW_RISK_MIN_MINUTES,
          mediumRiskMinMinutes: OVERLAP_MEDIUM_RISK_MIN_MINUTES,
        },
        pairs,
      };
    },
  };
}
