import { Badge, Button, Card, Group, Modal, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { QuestionsTab } from "./QuestionsTab";
import { type Template, versionQuery } from "./queries";

/**
 * Every stored version, newest first: which one is current and which are frozen because
 * assessments use them, each viewable as the questions it asked.
 */
export function VersionsTab({ template }: { template: Template }) {
  const [viewing, setViewing] = useState<number | null>(null);
  const versions = [...template.versions].sort((a, b) => b.version - a.version);
  return (
    <Card p={0} className="table-card">
      <Table className="data-table">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td fw={600}>v{v.version}</Table.Td>
              <Table.Td fz="sm">{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {v.version === template.currentVersion && (
                    <Badge variant="light" color="blue">
                      Current
                    </Badge>
                  )}
                  {v.inUse ? (
                    <Badge variant="light" color="grape">
                      Used by assessments
                    </Badge>
                  ) : (
                    v.version !== template.currentVersion && (
                      <Text span size="sm" c="dimmed">
                        Superseded
                      </Text>
                    )
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconEye size={14} />}
                    onClick={() => setViewing(v.version)}
                  >
                    View version
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={<Text fw={600}>{`${template.title}: version ${viewing}`}</Text>}
        size="xl"
      >
        {viewing !== null && <VersionContent id={template.id} version={viewing} />}
      </Modal>
    </Card>
  );
}

function VersionContent({ id, version }: { id: string; version: number }) {
  const v = useQuery(versionQuery(id, version));
  if (v.isError)
    return <ErrorState error={v.error} onRetry={() => v.refetch()} title="Could not load the version" />;
  if (!v.data)
    return (
      <Stack>
        <Skeleton height={28} />
        <Skeleton height={200} />
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Created {formatDateTime(v.data.createdAt)}
        {v.data.inUse ? " · used by assessments, so it never changes" : ""}
      </Text>
      <QuestionsTab content={v.data.content} />
    </Stack>
  );
}
