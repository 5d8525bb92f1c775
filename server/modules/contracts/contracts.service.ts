import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { addMonths, storedNoticeDeadline } from "../../../domain/contract-terms.js";
import {
  type Contract,
  type ContractFilters,
  type CreateContract,
  contractProblems,
  type ListContractsQuery,
  NO_CLAUSES,
  type UpdateContract,
} from "../../../domain/contracts.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { type AuditActor, auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { invalid, notFound } from "../../platform/errors.js";
import { partnerServices, partners } from "../partners/partners.tables.js";
import { assertStaffUser } from "../risks/risks.checks.js";
import { reevaluateSignals } from "../signals/signals.reevaluate.js";
import { users } from "../users/users.tables.js";
import { assertParent, assertPartner, assertServices } from "./contracts.checks.js";
import {
  type ContractSelectRow,
  contractColumns,
  contractOwner,
  contractSnapshot,
  parentContract,
  presentContractListItem,
  presentContractReview,
} from "./contracts.present.js";
import { contractFilters, contractOrdering } from "./contracts.query.js";
import { contractObligations, contractReviews, contractServices, contracts } from "./contracts.tables.js";
import { calendarEvents } from "./renewal-calendar.js";

type ContractRow = typeof contracts.$inferSelect;

/** Loads a contract of the organization for update, or 404 (also for other organizations' ids). */
export async function lockContract(tx: Tx, orgId: string, id: string): Promise<ContractRow> {
  const [c] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, id), eq(contracts.orgId, orgId)))
    .for("update");
  if (!c) throw notFound("Contract");
  return c;
}

/** Contract facts feed signal rules (clauses, exit plans, covered services): re-evaluate the partner. */
const afterContractChange = (tx: Tx, orgId: string, who: AuditActor, partnerId: string) =>
  reevaluateSignals(tx, orgId, who, { partnerIds: [partnerId] });

/** The SELECT … FROM contracts with every join a presented contract needs. */
function selectContracts<E extends Record<string, SQL.Aliased>>(q: Queryable, extra: E = {} as E) {
  return q
    .select({ ...contractColumns, ...extra })
    .from(contracts)
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .leftJoin(parentContract, eq(parentContract.id, contracts.parentId))
    .leftJoin(contractOwner, eq(contractOwner.id, contracts.ownerId));
}

const numericOrNull = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(2));

/** The columns a body sets, with the exit plan flattened and the clause checklist merged. */
function columnsOf(input: UpdateContract, before: ContractRow | null) {
  const { serviceIds: _s, exitPlan, clauses, value, ...plain } = input;
  return {
    ...plain,
    ...(value !== undefined ? { value: numericOrNull(value) } : {}),
    ...(clauses ? { clauses: { ...(before?.clauses ?? NO_CLAUSES), ...clauses } } : {}),
    ...(exitPlan
      ? {
          hasExitPlan: exitPlan.has,
          exitPlanSummary: exitPlan.summary ?? null,
          exitPlanLastTestedAt: exitPlan.lastTestedAt ?? null,
        }
      : {}),
  };
}

/** Contracts: create, read, update, delete, list, export and the renewal calendar. */
export function createContractService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, id: string, q: Queryable = db): Promise<Contract> {
    const [row] = await selectContracts(q).where(and(eq(contracts.id, id), eq(contracts.orgId, actor.orgId)));
    if (!row) throw notFound("Contract");
    const today = todayUtc();
    // Sequential: inside a transaction `q` is one connection.
    const services = await q
      .select({
        id: partnerServices.id,
        name: partnerServices.name,
        criticality: partnerServices.criticality,
      })
      .from(contractServices)
      .innerJoin(partnerServices, eq(partnerServices.id, contractServices.serviceId))
      .where(eq(contractServices.contractId, id))
      .orderBy(sql`lower(${partnerServices.name})`);
    const [counts] = await q
      .select({
        open: sql<number>`count(*) FILTER (WHERE ${contractObligations.status} = 'open')::int`,
        overdue: sql<number>`count(*) FILTER (WHERE ${contractObligations.status} = 'open' AND ${contractObligations.dueDate} < ${today}::date)::int`,
        done: sql<number>`count(*) FILTER (WHERE ${contractObligations.status} = 'done')::int`,
      })
      .from(contractObligations)
      .where(eq(contractObligations.contractId, id));
    const [last] = await q
      .select({ review: contractReviews, reviewer: { id: users.id, name: users.name } })
      .from(contractReviews)
      .leftJoin(users, eq(users.id, contractReviews.reviewerId))
      .where(eq(contractReviews.contractId, id))
      .orderBy(desc(contractReviews.reviewedAt), desc(contractReviews.id))
      .limit(1);
    return {
      ...presentContractListItem(row as ContractSelectRow, today),
      services,
      obligations: counts,
      lastReview: last ? presentContractReview(last.review, last.reviewer) : null,
    };
  }

  /** Checks the cross-field rules and references of the merged contract; returns the service ids. */
  async function check(
    q: Queryable,
    actor: Actor,
    merged: ContractRow | CreateContract,
    input: UpdateContract,
    selfId: string | null,
  ) {
    const problems = contractProblems({ ...merged, value: merged.value });
    if (problems.length) throw invalid("The contract is not consistent", problems);
    await assertParent(q, actor.orgId, merged.partnerId, input.parentId, selfId);
    await assertStaffUser(q, actor.orgId, input.ownerId, "body.ownerId");
    return input.serviceIds ? assertServices(q, actor.orgId, merged.partnerId, input.serviceIds) : undefined;
  }

  async function replaceServices(tx: Tx, contractId: string, serviceIds: string[]) {
    await tx.delete(contractServices).where(eq(contractServices.contractId, contractId));
    if (serviceIds.length)
      await tx.insert(contractServices).values(serviceIds.map((serviceId) => ({ contractId, serviceId })));
  }

  const serviceIdsOf = async (q: Queryable, contractId: string) =>
    (
      await q
        .select({ id: contractServices.serviceId })
        .from(contractServices)
        .where(eq(contractServices.contractId, contractId))
    ).map((s) => s.id);

  return {
    get,

    async list(actor: Actor, q: ListContractsQuery) {
      const today = todayUtc();
      const order = contractOrdering(q.sort, q.cursor);
      const where = contractFilters(actor.orgId, q, today);
      if (order.after) where.push(order.after);
      const rows = await selectContracts(db, { sortValue: order.sortValue })
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.contract.id,
        (r) => presentContractListItem(r as ContractSelectRow, today),
      );
    },

    /** Every contract matching the filters (CSV export), by notice deadline. */
    async listAll(actor: Actor, q: ContractFilters) {
      const today = todayUtc();
      const order = contractOrdering("noticeDeadline", undefined);
      const rows = await selectContracts(db)
        .where(and(...contractFilters(actor.orgId, q, today)))
        .orderBy(...order.orderBy)
        .limit(100_000);
      return rows.map((r) => presentContractListItem(r as ContractSelectRow, today));
    },

    /** Notice deadlines and term ends of draft and active contracts between `from` and `to`. */
    async calendar(actor: Actor, q: { from: string; to: string }) {
      if (q.to < q.from)
        throw invalid("`to` must not be before `from`", [{ path: "query.to", message: "Before from" }]);
      if (q.to > addMonths(q.from, 24))
        throw invalid("The window may span at most two years", [{ path: "query.to", message: "Too far" }]);
      const rows = await db
        .select({ contract: contracts, partner: { id: partners.id, name: partners.name } })
        .from(contracts)
        .innerJoin(partners, eq(partners.id, contracts.partnerId))
        .where(
          and(
            eq(contracts.orgId, actor.orgId),
            inArray(contracts.status, ["draft", "active"]),
            sql`${contracts.endDate} IS NOT NULL`,
            // A fixed-term contract can only have events up to its end date.
            sql`(${contracts.autoRenewal} OR ${contracts.endDate} >= ${q.from}::date)`,
          ),
        )
        .orderBy(asc(contracts.endDate));
      return { items: calendarEvents(rows, q.from, q.to) };
    },

    async create(actor: Actor, input: CreateContract) {
      await assertPartner(db, actor.orgId, input.partnerId);
      return db.transaction(async (tx) => {
        const serviceIds = (await check(tx, actor, input, input, null)) ?? [];
        const cols = columnsOf(input, null);
        const interval = input.reviewIntervalDays ?? null;
        const values = {
          ...cols,
          partnerId: input.partnerId,
          type: input.type,
          title: input.title,
          status: input.status,
          autoRenewal: input.autoRenewal,
          clauses: cols.clauses ?? NO_CLAUSES,
          nextReviewDate:
            input.nextReviewDate !== undefined
              ? input.nextReviewDate
              : interval
                ? addDays(todayUtc(), interval)
                : null,
        };
        const [c] = await tx
          .insert(contracts)
          .values({
            ...values,
            orgId: actor.orgId,
            noticeDeadline: storedNoticeDeadline(
              {
                status: values.status,
                endDate: values.endDate ?? null,
                autoRenewal: values.autoRenewal,
                renewalTermMonths: values.renewalTermMonths ?? null,
                noticePeriodDaysOurs: values.noticePeriodDaysOurs ?? null,
              },
              todayUtc(),
            ),
          })
          .returning();
        await replaceServices(tx, c.id, serviceIds);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "contract.create",
          entityType: "contract",
          entityId: c.id,
          relatedIds: [c.partnerId],
          after: contractSnapshot(c, serviceIds),
        });
        await afterContractChange(tx, actor.orgId, auditActorOf(actor), c.partnerId);
        return get(actor, c.id, tx);
      });
    },

    /** Updates any subset; `serviceIds` replaces the covered services, `clauses` merges. */
    async update(actor: Actor, id: string, patch: UpdateContract) {
      return db.transaction(async (tx) => {
        const before = await lockContract(tx, actor.orgId, id);
        const cols = columnsOf(patch, before);
        const merged = { ...before, ...cols } as ContractRow;
        const serviceIds = await check(tx, actor, merged, patch, id);
        const beforeServices = await serviceIdsOf(tx, id);
        const [after] = await tx
          .update(contracts)
          .set({ ...cols, noticeDeadline: storedNoticeDeadline(merged, todayUtc()), updatedAt: new Date() })
          .where(eq(contracts.id, id))
          .returning();
        if (serviceIds) await replaceServices(tx, id, serviceIds);
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: after.status !== before.status ? "contract.status_change" : "contract.update",
          entityType: "contract",
          entityId: id,
          relatedIds: [before.partnerId],
          before: contractSnapshot(before, beforeServices),
          after: contractSnapshot(after, serviceIds ?? beforeServices),
        });
        await afterContractChange(tx, actor.orgId, auditActorOf(actor), before.partnerId);
        return get(actor, id, tx);
      });
    },

    /** Deletes a contract with its obligations and reviews; child contracts lose their parent. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await lockContract(tx, actor.orgId, id);
        const services = await serviceIdsOf(tx, id);
        await tx.delete(contracts).where(eq(contracts.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "contract.delete",
          entityType: "contract",
          entityId: id,
          relatedIds: [before.partnerId],
          before: contractSnapshot(before, services),
        });
        await afterContractChange(tx, actor.orgId, auditActorOf(actor), before.partnerId);
      });
    },
  };
}
