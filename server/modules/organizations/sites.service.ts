import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { countryName } from "../../../domain/countries.js";
import type { OrganizationSite } from "../../../domain/overlap.js";
import type { CreateSite, UpdateSite } from "../../../domain/partner-parts.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { organizationSites } from "./organizations.tables.js";

type Row = typeof organizationSites.$inferSelect;

/** Whitelists a site row for the API. */
export function presentOrganizationSite(r: Row): OrganizationSite {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    countryName: countryName(r.country),
    city: r.city,
    timeZone: r.timeZone,
    workingHours: r.workingHours,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Drops keys whose value is undefined, so a PATCH touches only what it names. */
const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * The organization's own sites, always scoped to the actor's organization (another
 * organization's id answers 404). Each change and its audit event share one transaction.
 */
export function createOrganizationSiteService(ctx: AppContext) {
  const { db } = ctx.database;

  async function load(tx: Tx, actor: Actor, id: string): Promise<Row> {
    const [row] = await tx
      .select()
      .from(organizationSites)
      .where(and(eq(organizationSites.id, id), eq(organizationSites.orgId, actor.orgId)))
      .for("update");
    if (!row) throw notFound("Site");
    return row;
  }

  // Every change to our sites moves every partner's overlap, so signals are re-evaluated in full.
  const audit = async (
    tx: Tx,
    actor: Actor,
    action: string,
    id: string,
    before?: unknown,
    after?: unknown,
  ) => {
    await recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action: `organization_site.${action}`,
      entityType: "organization_site",
      entityId: id,
      before,
      after,
    });
    await reevaluateSignals(tx, actor.orgId, auditActorOf(actor), "all");
  };

  return {
    /** Every site of the organization, oldest first. */
    async list(actor: Actor) {
      const rows = await db
        .select()
        .from(organizationSites)
        .where(eq(organizationSites.orgId, actor.orgId))
        .orderBy(asc(organizationSites.createdAt), asc(organizationSites.id));
      return { items: rows.map(presentOrganizationSite) };
    },

    async create(actor: Actor, input: z.infer<typeof CreateSite>) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(organizationSites)
          .values({ ...input, orgId: actor.orgId })
          .returning();
        const out = presentOrganizationSite(row);
        await audit(tx, actor, "create", row.id, undefined, out);
        return out;
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof UpdateSite>) {
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        const [row] = await tx
          .update(organizationSites)
          .set({ ...defined(patch), updatedAt: new Date() })
          .where(eq(organizationSites.id, id))
          .returning();
        const out = presentOrganizationSite(row);
        await audit(tx, actor, "update", id, presentOrganizationSite(before), out);
        return out;
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await load(tx, actor, id);
        await tx.delete(organizationSites).where(eq(organizationSites.id, id));
        await audit(tx, actor, "delete", id, presentOrganizationSite(before));
      });
    },
  };
}
