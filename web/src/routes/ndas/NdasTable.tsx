import { ActionIcon, Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconExternalLink, IconPencil, IconTrash } from "@tabler/icons-react";
import { SortHeader } from "../../components/SortHeader";
import { formatDate } from "../../lib/format";
import { ExpiryCell } from "./ExpiryCell";
import { NDA_STATUS_COLORS, NDA_STATUS_LABELS, NDA_TYPE_LABELS } from "./labels";
import type { Nda } from "./queries";
import type { NdaSort } from "./search";

/** The header row, with server-side sort on the dates. */
export function NdasTableHead(props: { sort: NdaSort; onSort: (s: NdaSort) => void }) {
  const header = (field: string, label: string) => (
    <SortHeader field={field} label={label} sort={props.sort} onSort={(s) => props.onSort(s as NdaSort)} />
  );
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>Partner</Table.Th>
        <Table.Th>Type</Table.Th>
        <Table.Th>Scope</Table.Th>
        {header("effectiveDate", "Effective")}
        {header("expiryDate", "Expiry")}
        <Table.Th>Status</Table.Th>
        <Table.Th>Signatories</Table.Th>
        <Table.Th aria-label="Actions" />
      </Table.Tr>
    </Table.Thead>
  );
}

/** NDA rows, with edit and delete where the user may. */
export function NdasTable(props: { items: Nda[]; onEdit?: (n: Nda) => void; onDelete?: (n: Nda) => void }) {
  return (
    <>
      {props.items.map((n) => (
        <Table.Tr key={n.id}>
          <Table.Td maw={200}>
            <Text size="sm" fw={600} truncate>
              {n.partner.name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="outline" color="gray">
              {NDA_TYPE_LABELS[n.type]}
            </Badge>
          </Table.Td>
          <Table.Td maw={320}>
            <Text size="sm" lineClamp={2}>
              {n.scope}
            </Text>
          </Table.Td>
          <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
            {formatDate(n.effectiveDate)}
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <ExpiryCell nda={n} />
          </Table.Td>
          <Table.Td>
            <Badge variant="dot" color={NDA_STATUS_COLORS[n.status]}>
              {NDA_STATUS_LABELS[n.status]}
            </Badge>
          </Table.Td>
          <Table.Td maw={220}>
            <Tooltip
              multiline
              w={260}
              openDelay={300}
              label={n.signatories
                .map((s) => `${s.name}, ${s.role} (${s.party === "ours" ? "ours" : "theirs"})`)
                .join("; ")}
            >
              <Text size="sm" truncate>
                {n.signatories.map((s) => s.name).join(", ")}
              </Text>
            </Tooltip>
          </Table.Td>
          <Table.Td>
            <Group gap={2} wrap="nowrap" justify="flex-end">
              {n.signedDocumentUrl && (
                <Tooltip label="Open the signed copy">
                  <ActionIcon
                    component="a"
                    href={n.signedDocumentUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    variant="subtle"
                    color="gray"
                    aria-label={`Signed copy of the NDA with ${n.partner.name}`}
                  >
                    <IconExternalLink size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              {props.onEdit && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Edit the NDA with ${n.partner.name}`}
                  onClick={() => props.onEdit?.(n)}
                >
                  <IconPencil size={16} />
                </ActionIcon>
              )}
              {props.onDelete && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete the NDA with ${n.partner.name}`}
                  onClick={() => props.onDelete?.(n)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
