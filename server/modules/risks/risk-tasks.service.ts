import { and, eq, inArray, sql } from "drizzle-orm";
import type {
  CreateRiskTask,
  ListRiskTasksQuery,
  RiskTask,
  TaskStatus,
  UpdateRiskTask,
} from "../../../domain/risk-treatment.js";
import { todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable, Tx } from "../../platform/db/index.js";
import { notFound } from "../../platform/errors.js";
import { keysetOrdering } from "../partners/partners.query.js";
import { users } from "../users/users.tables.js";
import { assertStaffUser } from "./risks.checks.js";
import { lockRisk } from "./risks.service.js";
import { risks, riskTasks } from "./risks.tables.js";

type TaskRow = typeof riskTasks.$inferSelect;

const ACTIVE = sql`${riskTasks.status} IN ('open', 'in_progress')`;
const isActive = (s: string) => s === "open" || s === "in_progress";

const columns = {
  t: riskTasks,
  risk: { id: risks.id, title: risks.title },
  assignee: { id: users.id, name: users.name },
};

/** Tasks without a due date come after every dated one (the keyset needs a non-NULL value). */
const SORTS = {
  dueDate: { expr: sql`coalesce(${riskTasks.dueDate}, DATE '9999-12-31')`, cast: "date" as const },
};

function present(
  r: { t: TaskRow; risk: { id: string; title: string }; assignee: { id: string; name: string } | null },
  today: string,
): RiskTask {
  const t = r.t;
  return {
    id: t.id,
    risk: r.risk,
    title: t.title,
    description: t.description,
    assignee: r.assignee?.id ? r.assignee : null,
    dueDate: t.dueDate,
    status: t.status as TaskStatus,
    overdue: isActive(t.status) && t.dueDate !== null && t.dueDate < today,
    completedAt: t.completedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const snapshot = (t: TaskRow) => {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...fields } = t;
  return fields;
};

const selectTasks = (q: Queryable) =>
  q
    .select(columns)
    .from(riskTasks)
    .innerJoin(risks, eq(risks.id, riskTasks.riskId))
    .leftJoin(users, eq(users.id, riskTasks.assigneeId));

/** Treatment tasks of risks, and the organization-wide task list of the dashboard. */
export function createRiskTaskService(ctx: AppContext) {
  const { db } = ctx.database;

  async function get(actor: Actor, riskId: string, taskId: string, q: Queryable = db) {
    const [row] = await selectTasks(q).where(
      and(eq(riskTasks.id, taskId), eq(riskTasks.riskId, riskId), eq(riskTasks.orgId, actor.orgId)),
    );
    if (!row) throw notFound("Task");
    return present(row, todayUtc());
  }

  /** Audits a task change on the task, related to its risk and the risk's partner. */
  const audit = (
    tx: Tx,
    actor: Actor,
    risk: { id: string; partnerId: string | null },
    action: string,
    taskId: string,
    before?: TaskRow,
    after?: TaskRow,
  ) =>
    recordAudit(tx, actor.orgId, auditActorOf(actor), {
      action,
      entityType: "risk_task",
      entityId: taskId,
      relatedIds: [risk.id, ...(risk.partnerId ? [risk.partnerId] : [])],
      before: before && snapshot(before),
      after: after && snapshot(after),
    });

  return {
    /** The tasks of one risk, due date first. */
    async listForRisk(actor: Actor, riskId: string) {
      const [risk] = await db
        .select({ id: risks.id })
        .from(risks)
        .where(and(eq(risks.id, riskId), eq(risks.orgId, actor.orgId)));
      if (!risk) throw notFound("Risk");
      const rows = await selectTasks(db)
        .where(eq(riskTasks.riskId, riskId))
        .orderBy(SORTS.dueDate.expr, riskTasks.createdAt);
      const today = todayUtc();
      return { items: rows.map((r) => present(r, today)) };
    },

    /** The organization's tasks, due date first; `overdue=true` keeps active tasks past due. */
    async list(actor: Actor, q: ListRiskTasksQuery) {
      const today = todayUtc();
      const order = keysetOrdering(SORTS, riskTasks.id, "dueDate", q.cursor);
      const where = [eq(riskTasks.orgId, actor.orgId)];
      if (q.overdue === "true") where.push(sql`${ACTIVE} AND ${riskTasks.dueDate} < ${today}::date`);
      if (q.overdue === "false")
        where.push(sql`NOT (${ACTIVE} AND coalesce(${riskTasks.dueDate} < ${today}::date, false))`);
      if (q.assigneeId) where.push(eq(riskTasks.assigneeId, q.assigneeId));
      const statuses = q.status === undefined ? [] : Array.isArray(q.status) ? q.status : [q.status];
      if (statuses.length) where.push(inArray(riskTasks.status, statuses));
      if (order.after) where.push(order.after);
      const rows = await db
        .select({ ...columns, sortValue: order.sortValue })
        .from(riskTasks)
        .innerJoin(risks, eq(risks.id, riskTasks.riskId))
        .leftJoin(users, eq(users.id, riskTasks.assigneeId))
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows,
        q.limit,
        (r) => r.t.id,
        (r) => present(r, today),
      );
    },

    async create(actor: Actor, riskId: string, input: CreateRiskTask) {
      await assertStaffUser(db, actor.orgId, input.assigneeId, "body.assigneeId");
      return db.transaction(async (tx) => {
        const risk = await lockRisk(tx, actor.orgId, riskId);
        const [t] = await tx
          .insert(riskTasks)
          .values({
            orgId: actor.orgId,
            riskId,
            title: input.title,
            description: input.description ?? null,
            assigneeId: input.assigneeId ?? null,
            dueDate: input.dueDate ?? null,
            status: input.status,
            completedAt: input.status === "done" ? new Date() : null,
          })
          .returning();
        await audit(tx, actor, risk, "risk_task.create", t.id, undefined, t);
        return get(actor, riskId, t.id, tx);
      });
    },

    /** Updates a task; reaching `done` stamps `completedAt`, leaving it clears it. */
    async update(actor: Actor, riskId: string, taskId: string, patch: UpdateRiskTask) {
      await assertStaffUser(db, actor.orgId, patch.assigneeId, "body.assigneeId");
      return db.transaction(async (tx) => {
        const risk = await lockRisk(tx, actor.orgId, riskId);
        const [before] = await tx
          .select()
          .from(riskTasks)
          .where(and(eq(riskTasks.id, taskId), eq(riskTasks.riskId, riskId)))
          .for("update");
        if (!before) throw notFound("Task");
        const status = patch.status ?? before.status;
        const completedAt = status === "done" ? (before.completedAt ?? new Date()) : null;
        const [after] = await tx
          .update(riskTasks)
          .set({ ...patch, completedAt, updatedAt: new Date() })
          .where(eq(riskTasks.id, taskId))
          .returning();
        await audit(tx, actor, risk, "risk_task.update", taskId, before, after);
        return get(actor, riskId, taskId, tx);
      });
    },

    async remove(actor: Actor, riskId: string, taskId: string) {
      await db.transaction(async (tx) => {
        const risk = await lockRisk(tx, actor.orgId, riskId);
        const [before] = await tx
          .delete(riskTasks)
          .where(and(eq(riskTasks.id, taskId), eq(riskTasks.riskId, riskId)))
          .returning();
        if (!before) throw notFound("Task");
        await audit(tx, actor, risk, "risk_task.delete", taskId, before);
      });
    },
  };
}
