import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconCheck,
  IconDots,
  IconPencil,
  IconPlayerSkipForward,
  IconPlus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ErrorState, TableSkeleton } from "../../../components/States";
import { formatDate } from "../../../lib/format";
import { notifyError, notifySuccess } from "../../../lib/notify";
import {
  OBLIGATION_STATUS_COLORS,
  OBLIGATION_STATUS_LABELS,
  RECURRENCE_LABELS,
  SIDE_LABELS,
} from "../labels";
import { type Contract, contractKeys, type Obligation, obligationsQuery } from "../queries";
import { ObligationModal } from "./ObligationModal";

/**
 * What each side owes under the contract: due dates (overdue in red), recurrence, status and
 * evidence. Completing a recurring obligation makes the server open its next occurrence.
 */
export function ObligationsCard({ contract }: { contract: Contract }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useQuery(obligationsQuery(contract.id));
  const [editing, setEditing] = useState<Obligation | null | undefined>(undefined);
  const canWrite = can(me, "obligation", "write");
  const setStatus = useMutation({
    mutationFn: ({ o, status }: { o: Obligation; status: "done" | "waived" }) =>
      unwrap(
        api.PATCH("/api/v1/contracts/{id}/obligations/{obligationId}", {
          params: { path: { id: contract.id, obligationId: o.id } },
          body: { status },
        }),
      ),
    onSuccess: (o) => {
      notifySuccess(o.status === "done" ? "Obligation completed" : "Obligation waived", o.title);
      void queryClient.invalidateQueries({ queryKey: contractKeys.detail(contract.id) });
    },
    onError: (e) => notifyError(e, "Could not update the obligation"),
  });
  const items = list.data?.items ?? [];
  const { open, overdue } = contract.obligations;

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={5}>Obligations and deliverables</Title>
          <Text size="xs" c={overdue ? "red.7" : "dimmed"} fw={overdue ? 600 : undefined}>
            {open} open{overdue ? ` · ${overdue} overdue` : ""}
          </Text>
        </Stack>
        {canWrite && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing(null)}
          >
            Add obligation
          </Button>
        )}
      </Group>
      {list.isError ? (
        <ErrorState
          error={list.error}
          onRetry={() => list.refetch()}
          title="Could not load the obligations"
        />
      ) : !list.isPending && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No obligations recorded. Add the reports, certificates and deliverables either side owes.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table className="data-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Obligation</Table.Th>
                <Table.Th>Side</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Repeats</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending ? (
                <TableSkeleton rows={3} cols={6} />
              ) : (
                items.map((o) => (
                  <Table.Tr key={o.id} bg={o.overdue ? "red.0" : undefined}>
                    <Table.Td maw={320}>
                      <Text size="sm" fw={600} lineClamp={2}>
                        {o.title}
                      </Text>
                      {o.evidenceNote && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {o.evidenceNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={o.side === "ours" ? "grape" : "blue"}>
                        {SIDE_LABELS[o.side]}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
                      {o.overdue ? (
                        <Tooltip label="Open and past its due date" openDelay={200}>
                          <Group gap={4} wrap="nowrap" c="red.7" fw={600}>
                            <IconAlertTriangle size={14} />
                            {formatDate(o.dueDate)}
                          </Group>
                        </Tooltip>
                      ) : (
                        formatDate(o.dueDate)
                      )}
                    </Table.Td>
                    <Table.Td fz="sm">{RECURRENCE_LABELS[o.recurrence]}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={OBLIGATION_STATUS_COLORS[o.status]}>
                        {OBLIGATION_STATUS_LABELS[o.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {canWrite && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${o.title}`}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(o)}>
                              Edit
                            </Menu.Item>
                            {o.status === "open" && (
                              <>
                                <Menu.Item
                                  leftSection={<IconCheck size={14} />}
                                  onClick={() => setStatus.mutate({ o, status: "done" })}
                                >
                                  Mark done
                                </Menu.Item>
                                <Menu.Item
                                  leftSection={<IconPlayerSkipForward size={14} />}
                                  onClick={() => setStatus.mutate({ o, status: "waived" })}
                                >
                                  Waive
                                </Menu.Item>
                              </>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ObligationModal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        contractId={contract.id}
        obligation={editing ?? null}
      />
    </Card>
  );
}
