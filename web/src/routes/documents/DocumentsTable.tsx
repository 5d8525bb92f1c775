import { Anchor, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { formatDateTime, fromNow } from "../../lib/format";
import { ClassificationBadge } from "./ClassificationBadge";
import { FileName } from "./FileName";
import { formatBytes } from "./files";
import type { DocumentItem } from "./queries";

/** The header row of the document list; `hidePartner` inside a partner's own page. */
export function DocumentsTableHead({ hidePartner }: { hidePartner?: boolean }) {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>Title</Table.Th>
        <Table.Th>Classification</Table.Th>
        {!hidePartner && <Table.Th>Partner</Table.Th>}
        <Table.Th>File</Table.Th>
        <Table.Th ta="right">Size</Table.Th>
        <Table.Th ta="right">Version</Table.Th>
        <Table.Th>Updated</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Document rows: the title links to the document, the partner to its page. */
export function DocumentsTable(props: {
  items: DocumentItem[];
  partnerNames?: Map<string, string>;
  hidePartner?: boolean;
}) {
  return (
    <>
      {props.items.map((d) => (
        <Table.Tr key={d.id}>
          <Table.Td maw={320}>
            <Anchor
              size="sm"
              fw={600}
              lineClamp={2}
              renderRoot={(p) => <Link to="/documents/$documentId" params={{ documentId: d.id }} {...p} />}
            >
              {d.title}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <ClassificationBadge value={d.classification} />
          </Table.Td>
          {!props.hidePartner && (
            <Table.Td maw={200}>
              {d.partnerId ? (
                <Anchor
                  size="sm"
                  truncate
                  renderRoot={(p) => (
                    <Link to="/partners/$partnerId" params={{ partnerId: d.partnerId ?? "" }} {...p} />
                  )}
                >
                  {props.partnerNames?.get(d.partnerId) ?? "…"}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
          )}
          <Table.Td>
            <FileName fileName={d.fileName} contentType={d.contentType} />
          </Table.Td>
          <Table.Td fz="sm" ta="right" style={{ whiteSpace: "nowrap" }}>
            {formatBytes(d.size)}
          </Table.Td>
          <Table.Td fz="sm" ta="right">
            v{d.currentVersion}
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Tooltip label={formatDateTime(d.updatedAt)} openDelay={300}>
              <Text size="sm" span>
                {fromNow(d.updatedAt)}
              </Text>
            </Tooltip>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
