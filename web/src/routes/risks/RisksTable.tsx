import { Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { RiskLevelBadge } from "../../components/RiskLevelBadge";
import { SortHeader } from "../../components/SortHeader";
import { formatDate } from "../../lib/format";
import { RISK_STATUS_COLORS, RISK_STATUS_LABELS, TREATMENT_LABELS } from "../../lib/risks";
import type { RiskListItem } from "./queries";
import type { RiskSort } from "./search";

/** The header row of the register, with server-side sort on the sortable columns when `onSort` is given. */
export function RisksTableHead({ sort, onSort }: { sort: RiskSort; onSort?: (s: RiskSort) => void }) {
  // Without `onSort` (a fixed list such as a heat-map cell) the headers are plain labels.
  const header = (field: string, label: string) =>
    onSort ? (
      <SortHeader field={field} label={label} sort={sort} onSort={(s) => onSort(s as RiskSort)} />
    ) : (
      <Table.Th>{label}</Table.Th>
    );
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        {header("title", "Risk")}
        <Table.Th>Category</Table.Th>
        <Table.Th>Owner</Table.Th>
        {header("inherentScore", "Inherent")}
        {header("residualScore", "Residual")}
        <Table.Th>Treatment</Table.Th>
        <Table.Th>Status</Table.Th>
        {header("nextReviewDate", "Next review")}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Register rows; a click anywhere on a row opens the risk. */
export function RisksTable({ items }: { items: RiskListItem[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/risks/$riskId", params: { riskId: id } });
  return (
    <>
      {items.map((r) => (
        <Table.Tr
          key={r.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(r.id)}
          onKeyDown={(e) => {
            if (e.key === "Enter") open(r.id);
          }}
        >
          <Table.Td maw={300}>
            <Stack gap={2}>
              <Text fw={600} size="sm" lineClamp={2}>
                {r.title}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {r.partner ? r.partner.name : "Organization-wide"}
                {r.service ? ` · ${r.service.name}` : ""}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td w={150} style={{ whiteSpace: "normal" }}>
            <Text size="sm" lineClamp={2}>
              {r.category.name}
            </Text>
          </Table.Td>
          <Table.Td fz="sm">
            {r.owner?.name ?? (
              <Text c="dimmed" span size="sm">
                Unassigned
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <RiskLevelBadge
              level={r.inherent.level}
              score={r.inherent.score}
              explanation={r.inherent.explanation}
            />
          </Table.Td>
          <Table.Td>
            <RiskLevelBadge
              level={r.residual.level}
              score={r.residual.score}
              explanation={r.residual.explanation}
            />
          </Table.Td>
          <Table.Td fz="sm">{TREATMENT_LABELS[r.treatment]}</Table.Td>
          <Table.Td>
            <Badge variant="dot" color={RISK_STATUS_COLORS[r.status]}>
              {RISK_STATUS_LABELS[r.status]}
            </Badge>
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {r.reviewOverdue ? (
              <Tooltip label="The review date has passed" openDelay={300}>
                <Group gap={4} wrap="nowrap" c="red.7" fw={600}>
                  <IconAlertTriangle size={14} />
                  {formatDate(r.nextReviewDate)}
                </Group>
              </Tooltip>
            ) : (
              formatDate(r.nextReviewDate)
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
