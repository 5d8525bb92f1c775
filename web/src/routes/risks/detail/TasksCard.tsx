import { ActionIcon, Button, Card, Group, Select, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TASK_STATUSES, type TaskStatus } from "../../../../../domain/risk-treatment";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ErrorState } from "../../../components/States";
import { formatDate } from "../../../lib/format";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { TASK_STATUS_LABELS } from "../../../lib/risks";
import { hasFieldErrors } from "../../../lib/useServerErrors";
import { riskKeys } from "../queries";
import { type TaskBody, TaskModal } from "./TaskModal";

const fetchTasks = (id: string) => unwrap(api.GET("/api/v1/risks/{id}/tasks", { params: { path: { id } } }));
export type RiskTask = Awaited<ReturnType<typeof fetchTasks>>["items"][number];

const STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }));

/** Treatment tasks of the risk: add, edit, move through their statuses; overdue ones stand out. */
export function TasksCard({ riskId }: { riskId: string }) {
  const me = useMe();
  const canWrite = can(me, "riskTask", "write");
  const queryClient = useQueryClient();
  const tasks = useQuery({ queryKey: riskKeys.tasks(riskId), queryFn: () => fetchTasks(riskId) });
  const [editing, setEditing] = useState<RiskTask | null | undefined>(undefined);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: riskKeys.all });
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Partial<TaskBody> }) =>
      id
        ? unwrap(
            api.PATCH("/api/v1/risks/{id}/tasks/{taskId}", {
              params: { path: { id: riskId, taskId: id } },
              body,
            }),
          )
        : unwrap(
            api.POST("/api/v1/risks/{id}/tasks", {
              params: { path: { id: riskId } },
              body: body as TaskBody,
            }),
          ),
    onSuccess: (t, { id }) => {
      notifySuccess(id ? "Task saved" : "Task added", t.title);
      setEditing(undefined);
      refresh();
    },
    onError: (e) => {
      if (!hasFieldErrors(e) || editing === undefined) notifyError(e, "Could not save the task");
    },
  });
  const items = tasks.data?.items ?? [];

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={5}>Treatment tasks</Title>
          <Text size="xs" c="dimmed">
            The work that brings the risk down
          </Text>
        </Stack>
        {canWrite && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing(null)}
          >
            Add task
          </Button>
        )}
      </Group>
      {tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} title="Could not load the tasks" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tasks.isPending ? "Loading…" : "No tasks yet."}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Assignee</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th w={160}>Status</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((t) => (
              <Table.Tr key={t.id} bg={t.overdue ? "red.0" : undefined}>
                <Table.Td fz="sm" fw={500}>
                  {t.title}
                </Table.Td>
                <Table.Td fz="sm">
                  {t.assignee?.name ?? (
                    <Text c="dimmed" span size="sm">
                      Unassigned
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm">
                  {t.overdue ? (
                    <Tooltip label="Past its due date">
                      <Group gap={4} c="red.7" fw={600} wrap="nowrap">
                        <IconAlertTriangle size={14} />
                        {formatDate(t.dueDate)}
                      </Group>
                    </Tooltip>
                  ) : (
                    formatDate(t.dueDate)
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Status of ${t.title}`}
                    data={STATUS_OPTIONS}
                    value={t.status}
                    allowDeselect={false}
                    disabled={!canWrite}
                    onChange={(s) => s && save.mutate({ id: t.id, body: { status: s as TaskStatus } })}
                  />
                </Table.Td>
                <Table.Td>
                  {canWrite && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit ${t.title}`}
                      onClick={() => setEditing(t)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TaskModal
        opened={editing !== undefined}
        task={editing ?? null}
        pending={save.isPending}
        error={editing !== undefined ? save.error : null}
        onClose={() => {
          setEditing(undefined);
          save.reset();
        }}
        onSubmit={(body) => save.mutate({ id: editing?.id ?? null, body })}
      />
    </Card>
  );
}
