import { and, desc, eq, sql } from "drizzle-orm";
import {
  type CreateLifecycleException,
  LIFECYCLE_NEEDS,
  type LifecycleException,
  lifecycleBlockers,
  lifecycleSteps,
  PARTNER_STATUS_LABELS,
  PARTNER_STATUSES,
  PARTNER_TRANSITIONS,
  type PartnerLifecycle,
  type PartnerStatus,
} from "../../../domain/lifecycle.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { partnerLifecycleExceptions } from "../assessments/assessments.tables.js";
import { contracts } from "../contracts/contracts.tables.js";
import { users } from "../users/users.tables.js";
import { dueDiligenceFacts } from "./lifecycle.gate.js";
import { lockPartner } from "./partners.service.js";
import { partners } from "./partners.tables.js";

type ExceptionRow = typeof partnerLifecycleExceptions.$inferSelect;

/** Whitelists an exception row with its author's name. */
function presentException(
  row: ExceptionRow,
  author: { id: string | null; name: string | null } | null,
): LifecycleException {
  return {
    id: row.id,
    toStatus: row.toStatus as PartnerStatus,
    justification: row.justification,
    createdBy: author?.id && author.name ? { id: author.id, name: author.name } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Whether the partner has a signed (active) contract, and an exit plan on any of its contracts. */
async function contractFacts(q: Queryable, orgId: string, partnerId: string) {
  const [row] = await q
    .select({
      active: sql<boolean>`coalesce(bool_or(${contracts.status} = 'active'), false)`,
      exitPlan: sql<boolean>`coalesce(bool_or(${contracts.hasExitPlan}), false)`,
    })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.partnerId, partnerId)));
  return { active: Boolean(row?.active), exitPlan: Boolean(row?.exitPlan) };
}

/**
 * The status an exited partner left from, read from its latest `partner.status_change` into
 * `exited`; null when the trail does not record one (a partner created as exited).
 */
async function exitedFrom(q: Queryable, orgId: string, partnerId: string): Promise<PartnerStatus | null> {
  const [row] = await q
    .select({ from: sql<string | null>`${auditEvents.before}->>'status'` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        eq(auditEvents.entityId, partnerId),
        eq(auditEvents.action, "partner.status_change"),
        sql`${auditEvents.after}->>'status' = 'exited'`,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const from = row?.from;
  return from && (PARTNER_STATUSES as readonly string[]).includes(from) ? (from as PartnerStatus) : null;
}

/** The partner lifecycle view and the exceptions to its due-diligence gate. */
export function createLifecycleService(ctx: AppContext) {
  const { db } = ctx.database;

  async function exceptionsOf(q: Queryable, orgId: string, partnerId: string) {
    const rows = await q
      .select({ exception: partnerLifecycleExceptions, author: { id: users.id, name: users.name } })
      .from(partnerLifecycleExceptions)
      .leftJoin(users, eq(users.id, partnerLifecycleExceptions.createdBy))
      .where(
        and(eq(partnerLifecycleExceptions.orgId, orgId), eq(partnerLifecycleExceptions.partnerId, partnerId)),
      )
      .orderBy(desc(partnerLifecycleExceptions.createdAt), desc(partnerLifecycleExceptions.id));
    return rows.map((r) => presentException(r.exception, r.author));
  }

  return {
    /** `GET /api/v1/partners/:id/lifecycle`: steps, allowed moves with blockers, DD and exceptions. */
    async get(actor: Actor, partnerId: string): Promise<PartnerLifecycle> {
      // One read-only snapshot, so the steps, the blockers and the lists agree with each other.
      return db.transaction(
        async (tx) => {
          const [p] = await tx
            .select({ status: partners.status })
            .from(partners)
            .where(and(eq(partners.id, partnerId), eq(partners.orgId, actor.orgId)));
          if (!p) throw notFound("Partner");
          const status = p.status as PartnerStatus;
          const [dd, contract, exceptions, from] = [
            await dueDiligenceFacts(tx, actor.orgId, partnerId),
            await contractFacts(tx, actor.orgId, partnerId),
            await exceptionsOf(tx, actor.orgId, partnerId),
            status === "exited" ? await exitedFrom(tx, actor.orgId, partnerId) : null,
          ];
          const gate = lifecycleBlockers("contracting", dd);
          const needs: Partial<Record<PartnerStatus, string[]>> = {
            contracting: gate.length ? [LIFECYCLE_NEEDS.dueDiligence] : [],
            onboarding: contract.active ? [] : [LIFECYCLE_NEEDS.signedContract],
            exiting: contract.exitPlan ? [] : [LIFECYCLE_NEEDS.exitPlan],
          };
          return {
            status,
            steps: lifecycleSteps(status, { needs, exitedFrom: from }),
            next: PARTNER_TRANSITIONS[status].map((to) => ({
              status: to,
              label: PARTNER_STATUS_LABELS[to],
              blockers: lifecycleBlockers(to, dd),
            })),
            dueDiligence: dd.latest
              ? {
                  assessmentId: dd.latest.assessmentId,
                  conclusion: dd.latest.conclusion,
                  completedAt: dd.latest.completedAt.toISOString(),
                }
              : null,
            exceptions,
          };
        },
        { accessMode: "read only", isolationLevel: "repeatable read" },
      );
    },

    /**
     * Records a justified exception to the due-diligence gate, with its audit event, in one
     * transaction. The partner row is locked as a status change locks it, so a move to contracting
     * running at the same time sees either no exception or the committed one, never half of it.
     */
    async recordException(
      actor: Actor,
      partnerId: string,
      input: CreateLifecycleException,
    ): Promise<LifecycleException> {
      return db.transaction(async (tx) => {
        await lockPartner(tx, actor.orgId, partnerId);
        const [row] = await tx
          .insert(partnerLifecycleExceptions)
          .values({
            orgId: actor.orgId,
            partnerId,
            toStatus: input.toStatus,
            justification: input.justification,
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "partner.lifecycle_exception",
          entityType: "partner",
          entityId: partnerId,
          after: { id: row.id, toStatus: row.toStatus, justification: row.justification },
        });
        return presentException(row, { id: actor.userId, name: actor.name });
      });
    },
  };
}
