import { and, arrayContains, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { countryName } from "../../../domain/countries.js";
import type {
  Contact,
  CreateContact,
  CreateService,
  CreateSite,
  CreateSubcontractor,
  Service,
  Site,
  Subcontractor,
  UpdateContact,
  UpdateService,
  UpdateSite,
  UpdateSubcontractor,
} from "../../../domain/partner-parts.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import { invalid } from "../../platform/errors.js";
import {
  partnerContacts,
  partnerServices,
  partnerSites,
  partnerSubcontractors,
  partners,
} from "./partners.tables.js";
import type { PartKind } from "./parts.service.js";

const stamps = (r: { createdAt: Date; updatedAt: Date }) => ({
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
/** Drops keys whose value is undefined, so a PATCH touches only what it names. */
const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export const siteKind: PartKind<
  typeof partnerSites.$inferSelect,
  z.infer<typeof CreateSite>,
  z.infer<typeof UpdateSite>,
  Site
> = {
  entity: "site",
  table: partnerSites,
  toValues: defined,
  present: async (_db, rows) =>
    rows.map((r) => ({
      id: r.id,
      partnerId: r.partnerId,
      name: r.name,
      country: r.country,
      countryName: countryName(r.country),
      city: r.city,
      timeZone: r.timeZone,
      workingHours: r.workingHours,
      ...stamps(r),
    })),
};

export const serviceKind: PartKind<
  typeof partnerServices.$inferSelect,
  z.infer<typeof CreateService>,
  z.infer<typeof UpdateService>,
  Service
> = {
  entity: "service",
  table: partnerServices,
  toValues: defined,
  /** Sub-contractor links naming the service forget it (each such change is audited), so no link points at a deleted service. */
  async beforeDelete(tx, actor, partnerId, row) {
    const links = await tx
      .select()
      .from(partnerSubcontractors)
      .where(
        and(
          eq(partnerSubcontractors.partnerId, partnerId),
          eq(partnerSubcontractors.orgId, actor.orgId),
          arrayContains(partnerSubcontractors.serviceIds, [row.id]),
        ),
      );
    for (const link of links) {
      const serviceIds = link.serviceIds.filter((s) => s !== row.id);
      await tx
        .update(partnerSubcontractors)
        .set({ serviceIds, updatedAt: new Date() })
        .where(eq(partnerSubcontractors.id, link.id));
      await recordAudit(tx, actor.orgId, auditActorOf(actor), {
        action: "subcontractor.update",
        entityType: "subcontractor",
        entityId: link.id,
        relatedIds: [partnerId],
        before: { serviceIds: link.serviceIds },
        after: { serviceIds },
      });
    }
  },
  present: async (_db, rows) =>
    rows.map((r) => ({
      id: r.id,
      partnerId: r.partnerId,
      name: r.name,
      description: r.description,
      function: r.function,
      criticality: r.criticality as Service["criticality"],
      dataCategories: r.dataCategories as Service["dataCategories"],
      dataLocations: r.dataLocations,
      startDate: r.startDate,
      ...stamps(r),
    })),
};

export const contactKind: PartKind<
  typeof partnerContacts.$inferSelect,
  z.infer<typeof CreateContact>,
  z.infer<typeof UpdateContact>,
  Contact
> = {
  entity: "contact",
  table: partnerContacts,
  toValues: defined,
  present: async (_db, rows) =>
    rows.map((r) => ({
      id: r.id,
      partnerId: r.partnerId,
      name: r.name,
      email: r.email,
      phone: r.phone,
      role: r.role,
      isPrimary: r.isPrimary,
      ...stamps(r),
    })),
};

type SubRow = typeof partnerSubcontractors.$inferSelect;

export const subcontractorKind: PartKind<
  SubRow,
  z.infer<typeof CreateSubcontractor>,
  z.infer<typeof UpdateSubcontractor>,
  Subcontractor
> = {
  entity: "subcontractor",
  table: partnerSubcontractors,
  duplicateMessage: "This partner is already recorded as a sub-contractor",
  toValues: defined,
  /** The fourth party must be another partner of the same organization; services must be this partner's. */
  async check(tx, actor, partnerId, input) {
    if ("subcontractorId" in input && input.subcontractorId) {
      if (input.subcontractorId === partnerId)
        throw invalid("A partner cannot be its own sub-contractor", [
          { path: "body.subcontractorId", message: "Choose another partner" },
        ]);
      const [p] = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(and(eq(partners.id, input.subcontractorId), eq(partners.orgId, actor.orgId)));
      if (!p)
        throw invalid("Unknown partner", [{ path: "body.subcontractorId", message: "Unknown partner" }]);
    }
    if (input.serviceIds?.length) {
      const found = await tx
        .select({ id: partnerServices.id })
        .from(partnerServices)
        .where(
          and(
            inArray(partnerServices.id, input.serviceIds),
            eq(partnerServices.partnerId, partnerId),
            eq(partnerServices.orgId, actor.orgId),
          ),
        );
      if (found.length !== new Set(input.serviceIds).size)
        throw invalid("Unknown service", [
          { path: "body.serviceIds", message: "Each service must belong to this partner" },
        ]);
    }
  },
  async present(db, rows) {
    if (rows.length === 0) return [];
    const subs = await db
      .select({ id: partners.id, name: partners.name, country: partners.country, status: partners.status })
      .from(partners)
      .where(inArray(partners.id, [...new Set(rows.map((r) => r.subcontractorId))]));
    const byId = new Map(subs.map((s) => [s.id, s]));
    return rows.map((r) => ({
      id: r.id,
      partnerId: r.partnerId,
      subcontractor: byId.get(r.subcontractorId) ?? {
        id: r.subcontractorId,
        name: "(deleted)",
        country: "",
        status: "exited",
      },
      description: r.description,
      serviceIds: r.serviceIds,
      ...stamps(r),
    }));
  },
};
