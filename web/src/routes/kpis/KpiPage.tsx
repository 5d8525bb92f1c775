import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPencil, IconPlus, IconTrash, IconUpload } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, isApiError, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ActivityFeed } from "../../components/ActivityFeed";
import { ConfirmModal } from "../../components/ConfirmModal";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { kpiRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { KpiChart } from "./KpiChart";
import { KpiFacts } from "./KpiFacts";
import { KpiFormModal } from "./KpiFormModal";
import { KpiStatusBadge } from "./KpiStatusBadge";
import { formatTarget, PERIOD_LABELS } from "./labels";
import { MeasurementModal } from "./MeasurementModal";
import { MeasurementsTable } from "./MeasurementsTable";
import { kpiKeys, kpiQuery, type SeriesPoint, seriesQuery } from "./queries";
import { type DateRange, presetRange, RangePicker } from "./RangePicker";

/**
 * One KPI: its chart with thresholds and control limits over a chosen range, the measurements
 * behind it, its definition and history; editors record or correct measurements and edit it.
 */
export function KpiPage() {
  const me = useMe();
  const { kpiId } = kpiRoute.useParams();
  const [range, setRange] = useState<DateRange>(() => presetRange("24"));
  const kpi = useQuery(kpiQuery(kpiId));
  const series = useQuery({ ...seriesQuery(kpiId, range.from, range.to), placeholderData: keepPreviousData });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editOpened, edit] = useDisclosure();
  const [deleteOpened, confirmDelete] = useDisclosure();
  const [measuring, setMeasuring] = useState<SeriesPoint | null | undefined>(undefined);
  const canWrite = can(me, "measurement", "write");
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/kpis/{id}", { params: { path: { id: kpiId } } })),
    onSuccess: () => {
      notifySuccess("KPI deleted", kpi.data?.name);
      const contractId = kpi.data?.contract.id;
      void navigate(
        contractId ? { to: "/contracts/$contractId", params: { contractId } } : { to: "/contracts" },
      );
      queryClient.removeQueries({ queryKey: kpiKeys.detail(kpiId) });
      void queryClient.invalidateQueries({ queryKey: kpiKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the KPI"),
  });

  if (isApiError(kpi.error, 404)) return <NotFoundPage what="KPI" />;
  if (kpi.isError)
    return <ErrorState error={kpi.error} onRetry={() => kpi.refetch()} title="Could not load the KPI" />;
  const k = kpi.data;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Service levels", to: "/kpis" }, { label: k?.name ?? "…" }]}
        title={
          k ? (
            <Group gap="sm" component="span">
              {k.name}
              {k.latest && <KpiStatusBadge status={k.latest.status} reason={k.latest.reason} size="lg" />}
            </Group>
          ) : (
            <Skeleton height={30} width={300} />
          )
        }
        description={
          k && (
            <Group gap={6} component="span" fz="sm">
              <span>Target {formatTarget(k)}</span>
              <Text span c="dimmed" size="sm">
                · {PERIOD_LABELS[k.period].toLowerCase()} ·
              </Text>
              <Anchor component={Link} to={`/partners/${k.partner.id}`} size="sm">
                {k.partner.name}
              </Anchor>
              <Text span c="dimmed" size="sm">
                ·
              </Text>
              <Anchor component={Link} to={`/contracts/${k.contract.id}`} size="sm">
                {k.contract.title}
              </Anchor>
            </Group>
          )
        }
        actions={
          k && (
            <>
              {can(me, "kpi", "delete") && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={confirmDelete.open}
                >
                  Delete
                </Button>
              )}
              {can(me, "kpi", "update") && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit
                </Button>
              )}
              {canWrite && (
                <>
                  <Button
                    component={Link}
                    to="/kpis/upload"
                    variant="default"
                    leftSection={<IconUpload size={16} />}
                  >
                    Upload CSV
                  </Button>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setMeasuring(null)}>
                    Record measurement
                  </Button>
                </>
              )}
            </>
          )
        }
      />
      {!k ? (
        <Skeleton height={360} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={12}>
            <Card>
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={5}>Measurements over time</Title>
                <RangePicker value={range} onChange={setRange} />
              </Group>
              {series.isError ? (
                <ErrorState
                  error={series.error}
                  onRetry={() => series.refetch()}
                  title="Could not load the series"
                />
              ) : !series.data ? (
                <Skeleton height={340} />
              ) : (
                <Stack gap="xs" style={{ opacity: series.isPlaceholderData ? 0.6 : 1 }}>
                  <KpiChart series={series.data} />
                  <Text size="xs" c="dimmed">
                    {series.data.method}
                  </Text>
                </Stack>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card>
              <Title order={5} mb="sm">
                Measurements
              </Title>
              {series.data ? (
                <MeasurementsTable
                  kpi={k}
                  points={series.data.points}
                  canWrite={canWrite}
                  onCorrect={(p) => setMeasuring(p)}
                />
              ) : (
                <Skeleton height={200} />
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <KpiFacts kpi={k} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Card>
              <Title order={5}>History</Title>
              <Text size="sm" c="dimmed" mb="md">
                From the tamper-evident audit trail: who changed the KPI and its measurements, and when.
              </Text>
              <ActivityFeed historyOf={{ kind: "kpis", id: k.id }} pageSize={10} />
            </Card>
          </Grid.Col>
        </Grid>
      )}
      {k && <KpiFormModal opened={editOpened} onClose={edit.close} contractId={k.contract.id} kpi={k} />}
      {k && (
        <MeasurementModal
          opened={measuring !== undefined}
          onClose={() => setMeasuring(undefined)}
          kpi={k}
          point={measuring ?? null}
        />
      )}
      <ConfirmModal
        opened={deleteOpened}
        onClose={confirmDelete.close}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={`Delete ${k?.name ?? "this KPI"}?`}
        confirmLabel="Delete KPI"
      >
        This removes the KPI with all its measurements. The audit trail keeps a record.
      </ConfirmModal>
    </>
  );
}
