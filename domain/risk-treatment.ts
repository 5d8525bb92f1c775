import { z } from "zod";
import { Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";

/** Risk treatment: the control library and treatment tasks. */

export const CONTROL_TYPES = ["preventive", "detective", "corrective"] as const;
export const ControlType = z.enum(CONTROL_TYPES);
export type ControlType = z.infer<typeof ControlType>;

export const CONTROL_EFFECTIVENESS = [
  "effective",
  "partially_effective",
  "ineffective",
  "not_tested",
] as const;
export const ControlEffectiveness = z.enum(CONTROL_EFFECTIVENESS);
export type ControlEffectiveness = z.infer<typeof ControlEffectiveness>;

const Ref = z.object({ id: Id, name: z.string() });

/** A control of the library, with how many risks it mitigates. */
export const Control = z.object({
  id: Id,
  name: z.string(),
  type: ControlType,
  description: z.string().nullable(),
  owner: Ref.nullable(),
  effectiveness: ControlEffectiveness,
  riskCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Control = z.infer<typeof Control>;

const controlFields = {
  name: Text(200),
  type: ControlType,
  description: OptionalText(5000),
  ownerId: Id.nullable().optional(),
  effectiveness: ControlEffectiveness,
};

/** Body of `POST /api/v1/controls`. */
export const CreateControl = z.object({
  ...controlFields,
  effectiveness: ControlEffectiveness.default("not_tested"),
});
export type CreateControl = z.infer<typeof CreateControl>;

/** Body of `PATCH /api/v1/controls/:id`. */
export const UpdateControl = z
  .object(controlFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateControl = z.infer<typeof UpdateControl>;

/** Query of `GET /api/v1/controls` (name order). */
export const ListControlsQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  type: ControlType.optional(),
});
export type ListControlsQuery = z.infer<typeof ListControlsQuery>;

export const TASK_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
/** Statuses of a task still to do (counted as open; overdue when past its due date). */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ["open", "in_progress"];

/** A treatment task of a risk. */
export const RiskTask = z.object({
  id: Id,
  risk: z.object({ id: Id, title: z.string() }),
  title: z.string(),
  description: z.string().nullable(),
  assignee: Ref.nullable(),
  dueDate: z.string().nullable(),
  status: TaskStatus,
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskTask = z.infer<typeof RiskTask>;

const taskFields = {
  title: Text(300),
  description: OptionalText(5000),
  assigneeId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  status: TaskStatus,
};

/** Body of `POST /api/v1/risks/:id/tasks`. */
export const CreateRiskTask = z.object({ ...taskFields, status: TaskStatus.default("open") });
export type CreateRiskTask = z.infer<typeof CreateRiskTask>;

/** Body of `PATCH /api/v1/risks/:id/tasks/:taskId`. */
export const UpdateRiskTask = z
  .object(taskFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateRiskTask = z.infer<typeof UpdateRiskTask>;

/** Query of `GET /api/v1/risk-tasks`: the organization's tasks, due date first. */
export const ListRiskTasksQuery = PageQuery.extend({
  overdue: z.enum(["true", "false"]).optional(),
  assigneeId: Id.optional(),
  status: z.union([TaskStatus, z.array(TaskStatus)]).optional(),
});
export type ListRiskTasksQuery = z.infer<typeof ListRiskTasksQuery>;
