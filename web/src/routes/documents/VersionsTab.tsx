import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload, IconUpload } from "@tabler/icons-react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PagedTable } from "../../components/PagedTable";
import { TableCard } from "../../components/TableCard";
import { formatDateTime, fromNow } from "../../lib/format";
import { FileName } from "./FileName";
import { formatBytes, shortHash } from "./files";
import { NewVersionModal } from "./NewVersionModal";
import type { DocumentDetail } from "./queries";
import { contentUrl } from "./upload";

/** The header of the versions table. */
function VersionsHead() {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>Version</Table.Th>
        <Table.Th>File</Table.Th>
        <Table.Th>Type</Table.Th>
        <Table.Th ta="right">Size</Table.Th>
        <Table.Th>SHA-256</Table.Th>
        <Table.Th>Uploaded by</Table.Th>
        <Table.Th>When</Table.Th>
        <Table.Th aria-label="Download" />
      </Table.Tr>
    </Table.Thead>
  );
}

/** Every stored version, newest first, each downloadable; and the way to upload the next one. */
export function VersionsTab({ document: d }: { document: DocumentDetail }) {
  const me = useMe();
  const [opened, modal] = useDisclosure();
  return (
    <>
      <TableCard
        title="Versions"
        description="Partners always receive the current version; earlier ones stay here for the record."
        actions={
          can(me, "document", "write") && (
            <Button size="xs" leftSection={<IconUpload size={14} />} onClick={modal.open}>
              Upload new version
            </Button>
          )
        }
      >
        <PagedTable minWidth={900} head={<VersionsHead />} firstLoad={false} stale={false} columns={8}>
          {d.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    v{v.version}
                  </Text>
                  {v.version === d.currentVersion && (
                    <Badge size="xs" variant="light" color="teal">
                      Current
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <FileName fileName={v.fileName} contentType={v.contentType} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" ff="monospace">
                  {v.contentType.split(";")[0]}
                </Text>
              </Table.Td>
              <Table.Td fz="sm" ta="right" style={{ whiteSpace: "nowrap" }}>
                {formatBytes(v.size)}
              </Table.Td>
              <Table.Td>
                <Tooltip label={v.sha256} openDelay={300} maw={520} multiline>
                  <Text size="xs" ff="monospace">
                    {shortHash(v.sha256)}…
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td fz="sm">{v.uploadedBy?.name ?? "Deleted user"}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Tooltip label={formatDateTime(v.createdAt)} openDelay={300}>
                  <Text size="sm" span>
                    {fromNow(v.createdAt)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Tooltip label={`Download version ${v.version}`}>
                  <ActionIcon
                    component="a"
                    href={contentUrl(d.id, { version: v.version })}
                    download
                    variant="subtle"
                    color="gray"
                    aria-label={`Download version ${v.version}`}
                  >
                    <IconDownload size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </PagedTable>
      </TableCard>
      <NewVersionModal opened={opened} onClose={modal.close} document={d} />
    </>
  );
}
