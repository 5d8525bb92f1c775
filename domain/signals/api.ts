import { z } from "zod";
import { Id, PageQuery, PlainString } from "../common.js";
import { Rating, ScoreExplanation } from "../risk-scoring.js";
import { Treatment } from "../risks.js";

/** The signals engine's API vocabulary: one schema per endpoint body, query and response. */

export const SIGNAL_STATUSES = ["open", "accepted", "dismissed", "resolved"] as const;
export const SignalStatus = z.enum(SIGNAL_STATUSES);
export type SignalStatus = z.infer<typeof SignalStatus>;

/** `status=open&status=dismissed` or `status=open,dismissed`, deduplicated. */
const StatusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean))])
  .pipe(z.array(SignalStatus).min(1));

/** Query of `GET /api/v1/risk-signals` (newest first). */
export const ListSignalsQuery = PageQuery.extend({
  status: StatusList.optional().describe("One or more statuses (repeat or comma-separate); all when omitted"),
  partnerId: Id.optional(),
  rule: PlainString().max(100).optional(),
  categoryKey: PlainString().max(100).optional(),
});
export type ListSignalsQuery = z.infer<typeof ListSignalsQuery>;

const Ref = z.object({ id: Id, name: z.string() });

/** One signal as the API shows it. */
export const RiskSignal = z.object({
  id: Id,
  rule: z.object({ id: z.string(), title: z.string() }),
  partner: Ref.nullable(),
  service: Ref.nullable(),
  category: z.object({ key: z.string(), name: z.string() }),
  subjectKey: z.string(),
  title: z.string(),
  likelihood: Rating,
  impact: Rating,
  score: ScoreExplanation,
  explanation: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string(), source: z.string() })),
  status: SignalStatus,
  raisedAt: z.string(),
  evaluatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  decidedBy: Ref.nullable(),
  decidedAt: z.string().nullable(),
  dismissReason: z.string().nullable(),
  riskId: Id.nullable(),
});
export type RiskSignal = z.infer<typeof RiskSignal>;

/** `GET /api/v1/risk-signals/rules`: the registry. */
export const SignalRuleInfo = z.object({
  id: z.string(),
  title: z.string(),
  category: z.object({ key: z.string(), name: z.string() }),
  description: z.string(),
  reads: z.array(z.string()),
  bounds: z.array(z.object({ name: z.string(), value: z.number() })),
  scope: z.enum(["partner", "organization"]),
});
export const SignalRuleList = z.object({ items: z.array(SignalRuleInfo) });

/** Body of `POST /api/v1/risk-signals/:id/accept`: optional overrides of the prefilled risk. */
export const AcceptSignal = z
  .object({
    title: PlainString().trim().min(1).max(300).optional(),
    ownerId: Id.nullable().optional(),
    treatment: Treatment.optional(),
  })
  .default({});
export type AcceptSignal = z.infer<typeof AcceptSignal>;

export const AcceptSignalResult = z.object({ signal: RiskSignal, riskId: Id });

/** Body of `POST /api/v1/risk-signals/:id/dismiss`. */
export const DismissSignal = z.object({ reason: PlainString().trim().min(3).max(2000) });
export type DismissSignal = z.infer<typeof DismissSignal>;

/** What one evaluation did. */
export const EvaluationResult = z.object({
  raised: z.number().int(),
  reopened: z.number().int(),
  updated: z.number().int(),
  resolved: z.number().int(),
  unchanged: z.number().int(),
  durationMs: z.number(),
  phasesMs: z.record(z.string(), z.number()).describe("Where the time went, per phase and rule"),
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;
