import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ErrorState, TableSkeleton } from "../../../components/States";
import { KpiFormModal } from "../../kpis/KpiFormModal";
import { KpiStatusBadge } from "../../kpis/KpiStatusBadge";
import { DIRECTION_LABELS, formatPeriod, formatTarget, formatValue, PERIOD_LABELS } from "../../kpis/labels";
import { kpisQuery } from "../../kpis/queries";
import type { Contract } from "../queries";

/**
 * The contract's KPIs and service levels: each with its target, latest value and status, linking
 * to the KPI's page with the chart. Editors add KPIs here, where the service levels are agreed.
 */
export function KpisCard({ contract }: { contract: Contract }) {
  const me = useMe();
  const list = useQuery(kpisQuery({ contractId: contract.id }));
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const breaches = items.filter((k) => k.latest?.status === "breach").length;

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={5}>KPIs & service levels</Title>
          <Text size="xs" c={breaches ? "red.7" : "dimmed"} fw={breaches ? 600 : undefined}>
            {items.length} KPI{items.length === 1 ? "" : "s"}
            {breaches ? ` · ${breaches} in breach` : ""}
          </Text>
        </Stack>
        <Group gap="xs">
          {can(me, "measurement", "write") && items.length > 0 && (
            <Button
              size="xs"
              variant="default"
              component={Link}
              to="/kpis/upload"
              leftSection={<IconUpload size={14} />}
            >
              Upload measurements
            </Button>
          )}
          {can(me, "kpi", "create") && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
            >
              Add KPI
            </Button>
          )}
        </Group>
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load the KPIs" />
      ) : !list.isPending && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No KPIs yet. Add the service levels this contract promises (availability, response time, defect
          rate…) to track them against their thresholds and in the partner's scorecard.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table className="data-table" aria-label="KPIs">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>KPI</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th ta="right">Latest</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Period</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending ? (
                <TableSkeleton rows={2} cols={5} />
              ) : (
                items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/kpis/${k.id}`} size="sm" fw={600}>
                        {k.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {PERIOD_LABELS[k.period]} · {k.measurementCount} measurement
                        {k.measurementCount === 1 ? "" : "s"}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm" title={DIRECTION_LABELS[k.direction]}>
                      {formatTarget(k)}
                    </Table.Td>
                    <Table.Td fz="sm" ta="right" ff="monospace">
                      {k.latest ? formatValue(k.latest.value, k.unit) : "—"}
                    </Table.Td>
                    <Table.Td>
                      {k.latest ? (
                        <KpiStatusBadge status={k.latest.status} reason={k.latest.reason} />
                      ) : (
                        <Text size="xs" c="dimmed">
                          Not measured
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
                      {k.latest ? formatPeriod(k.latest.periodStart, k.period) : "—"}
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <KpiFormModal
        opened={adding}
        onClose={() => setAdding(false)}
        contractId={contract.id}
        currency={contract.currency}
        kpi={null}
      />
    </Card>
  );
}
