import { Badge, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { SortHeader } from "../../components/SortHeader";
import { formatDate } from "../../lib/format";
import {
  CONTRACT_STATUS_COLORS,
  CONTRACT_STATUS_LABELS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPE_NAMES,
  formatMoney,
} from "./labels";
import { ClauseCoverage, NoticeDeadline } from "./NoticeDeadline";
import type { ContractListItem } from "./queries";
import type { ContractSort } from "./search";

/** The header row, with server-side sort on the sortable columns when `onSort` is given. */
export function ContractsTableHead(props: {
  sort: ContractSort;
  onSort?: (s: ContractSort) => void;
  /** The partner tab lists one partner's contracts: the column would repeat its name. */
  hidePartner?: boolean;
}) {
  const { sort, onSort } = props;
  const header = (field: string, label: string) =>
    onSort ? (
      <SortHeader field={field} label={label} sort={sort} onSort={(s) => onSort(s as ContractSort)} />
    ) : (
      <Table.Th>{label}</Table.Th>
    );
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        {header("title", "Contract")}
        {!props.hidePartner && <Table.Th>Partner</Table.Th>}
        <Table.Th>Type</Table.Th>
        <Table.Th>Status</Table.Th>
        <Table.Th>Start</Table.Th>
        {header("endDate", "End")}
        {header("noticeDeadline", "Notice by")}
        <Table.Th>Clauses</Table.Th>
        <Table.Th>Value</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Contract rows; a click anywhere on a row opens the contract. */
export function ContractsTable({ items, hidePartner }: { items: ContractListItem[]; hidePartner?: boolean }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/contracts/$contractId", params: { contractId: id } });
  return (
    <>
      {items.map((c) => (
        <Table.Tr
          key={c.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(c.id)}
          onKeyDown={(e) => {
            if (e.key === "Enter") open(c.id);
          }}
        >
          <Table.Td maw={300}>
            <Stack gap={2}>
              <Text fw={600} size="sm" lineClamp={2}>
                {c.title}
              </Text>
              {c.reference && (
                <Text size="xs" c="dimmed" truncate>
                  {c.reference}
                </Text>
              )}
            </Stack>
          </Table.Td>
          {!hidePartner && (
            <Table.Td fz="sm" maw={200}>
              <Text size="sm" truncate>
                {c.partner.name}
              </Text>
            </Table.Td>
          )}
          <Table.Td>
            <Tooltip label={CONTRACT_TYPE_NAMES[c.type]} openDelay={300}>
              <Badge variant="outline" color="gray">
                {CONTRACT_TYPE_LABELS[c.type]}
              </Badge>
            </Tooltip>
          </Table.Td>
          <Table.Td>
            <Badge variant="dot" color={CONTRACT_STATUS_COLORS[c.status]}>
              {CONTRACT_STATUS_LABELS[c.status]}
            </Badge>
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {formatDate(c.startDate)}
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {c.endDate ? formatDate(c.endDate) : "Open-ended"}
            {c.autoRenewal && (
              <Text size="xs" c="dimmed">
                Auto-renews
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <NoticeDeadline notice={c.notice} />
          </Table.Td>
          <Table.Td>
            <ClauseCoverage contract={c} />
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {formatMoney(c.value, c.currency)}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
