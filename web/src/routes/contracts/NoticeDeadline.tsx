import { Badge, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconClockExclamation } from "@tabler/icons-react";
import { CLAUSE_KEYS } from "../../../../domain/contracts";
import { formatDate } from "../../lib/format";
import { CLAUSE_LABELS, KEY_CLAUSES, NOTICE_COLORS } from "./labels";
import type { ContractListItem } from "./queries";

/** "in 12 days" / "12 days ago" / "today" for the tooltip. */
function relative(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return " · today";
  return days > 0 ? ` · in ${days} days` : ` · ${-days} days ago`;
}

/**
 * The last date to give notice, red once passed and orange when due soon (the server decides
 * which), with the server's explanation of how it was computed in a tooltip.
 */
export function NoticeDeadline({
  notice,
  size = "sm",
}: {
  notice: ContractListItem["notice"];
  size?: "sm" | "lg";
}) {
  const flagged = notice.status === "overdue" || notice.status === "due_soon";
  const label = `${notice.explanation}${relative(notice.daysUntil)}`;
  return (
    <Tooltip label={label} multiline maw={340} openDelay={200}>
      {flagged ? (
        <Badge
          size={size}
          color={NOTICE_COLORS[notice.status]}
          variant="light"
          leftSection={
            notice.status === "overdue" ? <IconAlertTriangle size={12} /> : <IconClockExclamation size={12} />
          }
        >
          {formatDate(notice.date)}
        </Badge>
      ) : (
        <Text span size={size} c={notice.date ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
          {formatDate(notice.date)}
        </Text>
      )}
    </Tooltip>
  );
}

/** "6/8" clauses present, red when an audit-rights or data-protection clause is missing. */
export function ClauseCoverage({
  contract,
}: {
  contract: Pick<ContractListItem, "clauses" | "clauseCoverage">;
}) {
  const missing = CLAUSE_KEYS.filter((k) => !contract.clauses[k]);
  const critical = KEY_CLAUSES.some((k) => !contract.clauses[k]);
  const { present, total } = contract.clauseCoverage;
  return (
    <Tooltip
      label={
        missing.length ? `Missing: ${missing.map((k) => CLAUSE_LABELS[k]).join(", ")}` : "All clauses present"
      }
      multiline
      maw={300}
      openDelay={200}
    >
      <Badge variant="light" color={missing.length === 0 ? "teal" : critical ? "red" : "yellow"}>
        {present}/{total}
      </Badge>
    </Tooltip>
  );
}
