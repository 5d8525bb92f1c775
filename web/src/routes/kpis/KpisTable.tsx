import { Anchor, Group, Table, Text } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import type { KeyboardEvent, MouseEvent } from "react";
import { SortHeader } from "../../components/SortHeader";
import { formatDate } from "../../lib/format";
import { KpiStatusBadge } from "./KpiStatusBadge";
import { formatPeriod, formatTarget, formatValue, PERIOD_LABELS } from "./labels";
import type { KpiListItem } from "./queries";
import type { KpiSort } from "./search";

/** The number of columns, for the loading skeleton. */
export const KPI_COLUMNS = 7;

/** The header row, with server-side sort on name and creation date. */
export function KpisTableHead({ sort, onSort }: { sort: KpiSort; onSort: (s: KpiSort) => void }) {
  const sortBy = (s: string) => onSort(s as KpiSort);
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <SortHeader field="name" label="KPI" sort={sort} onSort={sortBy} />
        <Table.Th>Partner</Table.Th>
        <Table.Th>Contract</Table.Th>
        <Table.Th>Target</Table.Th>
        <Table.Th>Period</Table.Th>
        <Table.Th>Latest measurement</Table.Th>
        <SortHeader field="createdAt" label="Added" sort={sort} onSort={sortBy} />
      </Table.Tr>
    </Table.Thead>
  );
}

// The partner and contract links sit inside a clickable row: their clicks must not also open the KPI.
const stop = (e: MouseEvent) => e.stopPropagation();

/** KPI rows; a click anywhere on a row (outside its links) opens the KPI. */
export function KpisTable({ items }: { items: KpiListItem[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/kpis/$kpiId", params: { kpiId: id } });
  // Enter on a focused link already follows it; only Enter on the row itself opens the KPI.
  const onKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === "Enter" && e.target === e.currentTarget) open(id);
  };
  return (
    <>
      {items.map((k) => (
        <Table.Tr
          key={k.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(k.id)}
          onKeyDown={onKey(k.id)}
        >
          <Table.Td maw={280}>
            <Anchor component={Link} to={`/kpis/${k.id}`} size="sm" fw={600} lineClamp={2} onClick={stop}>
              {k.name}
            </Anchor>
            {k.description && (
              <Text size="xs" c="dimmed" truncate>
                {k.description}
              </Text>
            )}
          </Table.Td>
          <Table.Td maw={200}>
            <Anchor
              component={Link}
              to={`/partners/${k.partner.id}`}
              size="sm"
              c="inherit"
              truncate
              onClick={stop}
            >
              {k.partner.name}
            </Anchor>
          </Table.Td>
          <Table.Td maw={220}>
            <Anchor
              component={Link}
              to={`/contracts/${k.contract.id}`}
              size="sm"
              c="inherit"
              truncate
              onClick={stop}
            >
              {k.contract.title}
            </Anchor>
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {formatTarget(k)}
          </Table.Td>
          <Table.Td fz="sm">{PERIOD_LABELS[k.period]}</Table.Td>
          <Table.Td>
            {k.latest ? (
              <>
                <Group gap={8} wrap="nowrap">
                  <Text span size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
                    {formatValue(k.latest.value, k.unit)}
                  </Text>
                  <KpiStatusBadge status={k.latest.status} reason={k.latest.reason} />
                </Group>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {formatPeriod(k.latest.periodStart, k.period)}
                </Text>
              </>
            ) : (
              <Text span size="sm" c="dimmed">
                No measurements yet
              </Text>
            )}
          </Table.Td>
          <Table.Td fz="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatDate(k.createdAt)}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
