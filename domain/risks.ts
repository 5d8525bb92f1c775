import { z } from "zod";
import { Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { Rating, ScoreExplanation, ScoreLevel } from "./risk-scoring.js";
import { addDays } from "./time.js";

/**
 * The risk register's API vocabulary: one schema per endpoint body, query and response.
 * Controls and tasks live in `risk-treatment.ts`; the heat map and dashboard in `risk-dashboard.ts`.
 */

export const TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export const Treatment = z.enum(TREATMENTS);
export type Treatment = z.infer<typeof Treatment>;

/** `accepted` is reached only through `POST /risks/:id/accept`, which records who accepted and why. */
export const RISK_STATUSES = ["open", "in_treatment", "accepted", "closed"] as const;
export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;

/** The longest review interval and acceptance period: three years. */
export const MAX_REVIEW_INTERVAL_DAYS = 1095;
export const MAX_ACCEPTANCE_DAYS = 1095;

/** A query-string boolean (`?reviewOverdue=true`). */
const QueryBool = z.enum(["true", "false"]);
const multi = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).optional();

// ── Categories ────────────────────────────────────────────────────────────────────────────────

/** A category of the organization's taxonomy; built-in ones carry a stable `key`. */
export const RiskCategory = z.object({
  id: Id,
  key: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  riskCount: z.number().int(),
});
export type RiskCategory = z.infer<typeof RiskCategory>;

/** Body of `POST /api/v1/risk-categories`. */
export const CreateRiskCategory = z.object({ name: Text(120), description: OptionalText(1000) });
export type CreateRiskCategory = z.infer<typeof CreateRiskCategory>;

/** Body of `PATCH /api/v1/risk-categories/:id` (built-in categories may be renamed too). */
export const UpdateRiskCategory = CreateRiskCategory.partial().refine((v) => Object.keys(v).length > 0, {
  message: "Nothing to update",
});
export type UpdateRiskCategory = z.infer<typeof UpdateRiskCategory>;

// ── Risks ─────────────────────────────────────────────────────────────────────────────────────

const Ref = z.object({ id: Id, name: z.string() });

/** A risk as the API presents it: every score with its explanation. */
export const Risk = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  category: z.object({ id: Id, key: z.string().nullable(), name: z.string() }),
  partner: Ref.nullable(),
  service: Ref.nullable(),
  owner: Ref.nullable(),
  inherent: ScoreExplanation,
  residual: ScoreExplanation,
  treatment: Treatment,
  status: RiskStatus,
  reviewIntervalDays: z.number().int().nullable(),
  nextReviewDate: z.string().nullable(),
  /** The next review date has passed and the risk is not closed. */
  reviewOverdue: z.boolean(),
  acceptance: z
    .object({
      by: Ref.nullable(),
      at: z.string(),
      justification: z.string(),
      expiresAt: z.string().nullable(),
    })
    .nullable(),
  /** Accepted, but the acceptance has expired (the nightly job will reopen it). */
  acceptanceExpired: z.boolean(),
  signalId: Id.nullable(),
  controls: z.array(z.object({ id: Id, name: z.string(), type: z.string(), effectiveness: z.string() })),
  tasks: z.object({ open: z.number().int(), overdue: z.number().int() }),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Risk = z.infer<typeof Risk>;

/** A row of the register (the risk without its controls). */
export const RiskListItem = Risk.omit({ controls: true, description: true });
export type RiskListItem = z.infer<typeof RiskListItem>;

const riskFields = {
  title: Text(300),
  description: OptionalText(10_000),
  categoryId: Id,
  partnerId: Id.nullable().optional(),
  /** A service of `partnerId` (and of the organization). */
  serviceId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  inherentLikelihood: Rating,
  inherentImpact: Rating,
  residualLikelihood: Rating,
  residualImpact: Rating,
  treatment: Treatment,
  status: RiskStatus,
  reviewIntervalDays: z.number().int().min(1).max(MAX_REVIEW_INTERVAL_DAYS).nullable().optional(),
  nextReviewDate: IsoDate.nullable().optional(),
};

/**
 * Body of `POST /api/v1/risks`. Residual ratings default to the inherent ones (no controls yet);
 * `nextReviewDate` defaults to today + `reviewIntervalDays`.
 */
export const CreateRisk = z.object({
  ...riskFields,
  residualLikelihood: Rating.optional(),
  residualImpact: Rating.optional(),
  treatment: Treatment.default("mitigate"),
  status: RiskStatus.default("open"),
});
export type CreateRisk = z.infer<typeof CreateRisk>;

/** Body of `PATCH /api/v1/risks/:id`: any subset; status `accepted` only via the accept endpoint. */
export const UpdateRisk = z
  .object(riskFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateRisk = z.infer<typeof UpdateRisk>;

/** The ratings the residual ≤ inherent rule compares. */
export interface Ratings {
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
}

/**
 * Controls can only lower a risk: each residual rating must not exceed its inherent rating (which
 * also keeps the residual score ≤ the inherent score). Returns the field errors, empty when valid.
 */
export function residualProblems(r: Ratings): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (r.residualLikelihood > r.inherentLikelihood)
    out.push({
      path: "body.residualLikelihood",
      message: `Residual likelihood ${r.residualLikelihood} exceeds inherent likelihood ${r.inherentLikelihood}`,
    });
  if (r.residualImpact > r.inherentImpact)
    out.push({
      path: "body.residualImpact",
      message: `Residual impact ${r.residualImpact} exceeds inherent impact ${r.inherentImpact}`,
    });
  return out;
}

export const RISK_SORTS = [
  "title",
  "-title",
  "residualScore",
  "-residualScore",
  "inherentScore",
  "-inherentScore",
  "nextReviewDate",
  "-nextReviewDate",
  "createdAt",
  "-createdAt",
  "updatedAt",
  "-updatedAt",
] as const;

/**
 * Query of `GET /api/v1/risks` (and, without paging, of the CSV export). `level` filters the
 * residual level, `inherentLevel` the inherent one; `reviewOverdue=true` lists the risks whose
 * review is due (there is no separate overdue-reviews endpoint).
 */
export const ListRisksQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  categoryId: multi(Id),
  level: multi(ScoreLevel),
  inherentLevel: multi(ScoreLevel),
  partnerId: Id.optional(),
  ownerId: Id.optional(),
  status: multi(RiskStatus),
  treatment: multi(Treatment),
  reviewOverdue: QueryBool.optional(),
  /** One heat-map cell (a click on the map lists its risks). */
  residualLikelihood: z.coerce.number().pipe(Rating).optional(),
  residualImpact: z.coerce.number().pipe(Rating).optional(),
  inherentLikelihood: z.coerce.number().pipe(Rating).optional(),
  inherentImpact: z.coerce.number().pipe(Rating).optional(),
  sort: z.enum(RISK_SORTS).default("-residualScore"),
});
export type ListRisksQuery = z.infer<typeof ListRisksQuery>;
export type RiskFilters = Omit<ListRisksQuery, "limit" | "cursor" | "sort">;

// ── Acceptance and reviews ────────────────────────────────────────────────────────────────────

/** Body of `POST /api/v1/risks/:id/accept`: the expiry must lie in the future, within three years. */
export const AcceptRisk = z.object({
  justification: Text(5000),
  expiresAt: IsoDate,
});
export type AcceptRisk = z.infer<typeof AcceptRisk>;

/** Field errors of an acceptance expiry date relative to `today`; empty when valid. */
export function acceptanceExpiryProblems(expiresAt: string, today: string) {
  if (expiresAt <= today)
    return [{ path: "body.expiresAt", message: "The acceptance must expire in the future" }];
  if (expiresAt > addDays(today, MAX_ACCEPTANCE_DAYS))
    return [{ path: "body.expiresAt", message: "An acceptance may last at most three years" }];
  return [];
}

/** Body of `POST /api/v1/risks/:id/reviews`; `nextReviewDate` defaults to today + the interval. */
export const CreateRiskReview = z.object({
  notes: Text(10_000),
  nextReviewDate: IsoDate.nullable().optional(),
});
export type CreateRiskReview = z.infer<typeof CreateRiskReview>;

/** A recorded review with the scores as they stood. */
export const RiskReview = z.object({
  id: Id,
  riskId: Id,
  reviewer: Ref.nullable(),
  notes: z.string(),
  reviewedAt: z.string(),
  nextReviewDate: z.string().nullable(),
  inherentScore: z.number().int(),
  residualScore: z.number().int(),
});
export type RiskReview = z.infer<typeof RiskReview>;

/** `{ id, controlId }` path parameters. */
export const RiskControlParams = z.object({ id: Id, controlId: Id });
/** `{ id, taskId }` path parameters. */
export const RiskTaskParams = z.object({ id: Id, taskId: Id });
