import { stringify } from "csv-stringify/sync";
import type { RiskListItem } from "../../../domain/risks.js";
import { protectCell } from "../../platform/http/csv-cells.js";

/** The columns of the register export, in order. */
export const RISK_CSV_COLUMNS = [
  "id",
  "title",
  "category",
  "partner",
  "service",
  "owner",
  "inherentLikelihood",
  "inherentImpact",
  "inherentScore",
  "inherentLevel",
  "residualLikelihood",
  "residualImpact",
  "residualScore",
  "residualLevel",
  "treatment",
  "status",
  "nextReviewDate",
  "reviewOverdue",
  "acceptanceExpiresAt",
  "openTasks",
  "createdAt",
  "updatedAt",
] as const;

/** Renders register rows as CSV; user-entered text cells are formula-protected. */
export function risksToCsv(items: RiskListItem[]): string {
  return stringify(
    items.map((r) => [
      r.id,
      protectCell(r.title),
      protectCell(r.category.name),
      protectCell(r.partner?.name ?? null),
      protectCell(r.service?.name ?? null),
      protectCell(r.owner?.name ?? null),
      r.inherent.likelihood,
      r.inherent.impact,
      r.inherent.score,
      r.inherent.level,
      r.residual.likelihood,
      r.residual.impact,
      r.residual.score,
      r.residual.level,
      r.treatment,
      r.status,
      r.nextReviewDate,
      r.reviewOverdue,
      r.acceptance?.expiresAt ?? null,
      r.tasks.open,
      r.createdAt,
      r.updatedAt,
    ]),
    { header: true, columns: [...RISK_CSV_COLUMNS], cast: { boolean: (b) => (b ? "true" : "false") } },
  );
}
