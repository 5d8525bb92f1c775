import { ActionIcon, Group, Menu, Pagination, Table, Text } from "@mantine/core";
import { IconChartDots, IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { Empty } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { KpiStatusBadge } from "./KpiStatusBadge";
import { formatPeriod, formatValue } from "./labels";
import { invalidateAfterMeasurements, type Kpi, type SeriesPoint } from "./queries";

const PAGE_SIZE = 12;

/**
 * The measurements of the chosen range, newest first and paged in the browser (the series holds
 * them all already): period, value, status with its reason, and the note. Editors can correct or
 * delete a period.
 */
export function MeasurementsTable(props: {
  kpi: Kpi;
  points: SeriesPoint[];
  canWrite: boolean;
  onCorrect: (point: SeriesPoint) => void;
}) {
  const { kpi } = props;
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const rows = [...props.points].reverse();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // A narrower range may leave the current page past the end.
  useEffect(() => {
    if (page > pages) setPage(pages);
  }, [page, pages]);
  const remove = useMutation({
    mutationFn: (p: SeriesPoint) =>
      unwrap(
        api.DELETE("/api/v1/kpis/{id}/measurements/{periodStart}", {
          params: { path: { id: kpi.id, periodStart: p.periodStart.slice(0, 10) } },
        }),
      ),
    onSuccess: (_, p) => {
      notifySuccess("Measurement deleted", formatPeriod(p.periodStart, kpi.period));
      invalidateAfterMeasurements(queryClient);
    },
    onError: (e) => notifyError(e, "Could not delete the measurement"),
  });

  if (rows.length === 0)
    return (
      <Empty
        icon={<IconChartDots size={26} />}
        title="No measurements in this range"
        description="Record one, or upload a CSV file."
      />
    );

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table className="data-table" aria-label="Measurements">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Note</Table.Th>
              {props.canWrite && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((p) => (
              <Table.Tr key={p.periodStart} data-status={p.status}>
                <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatPeriod(p.periodStart, kpi.period)}
                </Table.Td>
                <Table.Td fz="sm" ta="right" ff="monospace">
                  {formatValue(p.value, kpi.unit)}
                </Table.Td>
                <Table.Td>
                  <KpiStatusBadge status={p.status} reason={p.reason} />
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {p.reason ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="xs" lineClamp={2}>
                    {p.note ?? ""}
                  </Text>
                </Table.Td>
                {props.canWrite && (
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${formatPeriod(p.periodStart, kpi.period)}`}
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => props.onCorrect(p)}>
                          Correct value
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => remove.mutate(p)}
                        >
                          Delete
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {rows.length} measurements, newest first
          </Text>
          <Pagination size="sm" total={pages} value={page} onChange={setPage} />
        </Group>
      )}
    </>
  );
}
