import { stringify } from "csv-stringify/sync";
import type { ContractListItem } from "../../../domain/contracts.js";
import { protectCell } from "../../platform/http/csv-cells.js";

/** The columns of the contracts export, in order. */
export const CONTRACT_CSV_COLUMNS = [
  "id",
  "partner",
  "type",
  "title",
  "reference",
  "status",
  "startDate",
  "endDate",
  "autoRenewal",
  "renewalTermMonths",
  "noticePeriodDaysOurs",
  "noticeDeadline",
  "noticeStatus",
  "value",
  "currency",
  "governingLaw",
  "clausesPresent",
  "nextReviewDate",
  "hasExitPlan",
  "owner",
  "createdAt",
] as const;

/** Renders contracts as CSV; user-entered text cells are formula-protected. */
export function contractsToCsv(items: ContractListItem[]): string {
  return stringify(
    items.map((c) => [
      c.id,
      protectCell(c.partner.name),
      c.type,
      protectCell(c.title),
      protectCell(c.reference),
      c.status,
      c.startDate,
      c.endDate,
      c.autoRenewal,
      c.renewalTermMonths,
      c.noticePeriodDaysOurs,
      c.notice.date,
      c.notice.status,
      c.value,
      c.currency,
      c.governingLaw,
      c.clauseCoverage.present,
      c.nextReviewDate,
      c.exitPlan.has,
      protectCell(c.owner?.name ?? null),
      c.createdAt,
    ]),
    { header: true, columns: [...CONTRACT_CSV_COLUMNS], cast: { boolean: (b) => (b ? "true" : "false") } },
  );
}
