import { CreateRisk, type RISK_STATUSES, residualProblems, type TREATMENTS } from "../../../../domain/risks";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import type { Risk } from "./queries";

/** The risk form's values, its conversion to the API body, and its checks before any request. */

export interface Values {
  title: string;
  description: string;
  categoryId: string;
  partnerId: string | null;
  partnerName: string | null;
  serviceId: string | null;
  ownerId: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
  treatment: (typeof TREATMENTS)[number];
  status: (typeof RISK_STATUSES)[number];
  reviewIntervalDays: number | string;
  nextReviewDate: string | null;
}

export const fromRisk = (r: Risk | null, partner?: { id: string; name: string }): Values => ({
  title: r?.title ?? "",
  description: r?.description ?? "",
  categoryId: r?.category.id ?? "",
  partnerId: r?.partner?.id ?? partner?.id ?? null,
  partnerName: r?.partner?.name ?? partner?.name ?? null,
  serviceId: r?.service?.id ?? null,
  ownerId: r?.owner?.id ?? null,
  inherentLikelihood: r?.inherent.likelihood ?? 3,
  inherentImpact: r?.inherent.impact ?? 3,
  residualLikelihood: r?.residual.likelihood ?? 3,
  residualImpact: r?.residual.impact ?? 3,
  treatment: r?.treatment ?? "mitigate",
  status: r?.status ?? "open",
  reviewIntervalDays: r?.reviewIntervalDays ?? 90,
  nextReviewDate: r?.nextReviewDate ?? null,
});

export const toBody = (v: Values) => ({
  title: v.title.trim(),
  description: nullIfBlank(v.description),
  categoryId: v.categoryId,
  partnerId: v.partnerId,
  serviceId: v.partnerId ? v.serviceId : null,
  ownerId: v.ownerId,
  inherentLikelihood: v.inherentLikelihood,
  inherentImpact: v.inherentImpact,
  residualLikelihood: v.residualLikelihood,
  residualImpact: v.residualImpact,
  treatment: v.treatment,
  status: v.status,
  reviewIntervalDays: v.reviewIntervalDays === "" ? null : Number(v.reviewIntervalDays),
  nextReviewDate: v.nextReviewDate || null,
});

/**
 * The fields of an edit that differ from the risk as loaded: a PATCH then carries (and audits)
 * only what the user changed, and an accepted risk's status is not re-sent (the API only reaches
 * `accepted` through the accept endpoint).
 */
export function changedFields(risk: Risk, v: Values) {
  const before: Record<string, unknown> = toBody(fromRisk(risk));
  return Object.fromEntries(
    Object.entries(toBody(v)).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])),
  );
}

/** Form errors of the shared schema plus the residual ≤ inherent rule, before any request. */
export function validate(v: Values) {
  const errors = zodErrors(CreateRisk, toBody(v));
  if (!v.categoryId) errors.categoryId = "Choose a category";
  for (const p of residualProblems(v)) errors[p.path.replace(/^body\./, "")] ??= p.message;
  return errors;
}
