import { Alert, Badge, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, isApiError, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ActivityFeed } from "../../../components/ActivityFeed";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { PageHeader } from "../../../components/PageHeader";
import { RiskLevelBadge } from "../../../components/RiskLevelBadge";
import { ErrorState } from "../../../components/States";
import { formatDate, formatDateTime } from "../../../lib/format";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { RISK_STATUS_COLORS, RISK_STATUS_LABELS } from "../../../lib/risks";
import { riskRoute } from "../../../router";
import { NotFoundPage } from "../../NotFoundPage";
import { type Risk, riskKeys, riskQuery } from "../queries";
import { RiskFormModal } from "../RiskFormModal";
import { AcceptModal } from "./AcceptModal";
import { ControlsCard } from "./ControlsCard";
import { DetailsCard } from "./DetailsCard";
import { ReviewsCard } from "./ReviewsCard";
import { ScoreCards } from "./ScoreCards";
import { SignalOriginCard } from "./SignalOriginCard";
import { TasksCard } from "./TasksCard";

/** Who accepted the risk, why and until when; a warning once the acceptance has expired. */
function AcceptanceAlert({ risk }: { risk: Risk }) {
  const a = risk.acceptance;
  if (!a) return null;
  return (
    <Alert
      color={risk.acceptanceExpired ? "orange" : "gray"}
      icon={risk.acceptanceExpired ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
      title={
        risk.acceptanceExpired
          ? `Acceptance expired on ${formatDate(a.expiresAt)}: the risk reopens for a new decision`
          : `Accepted by ${a.by?.name ?? "someone"} on ${formatDateTime(a.at)}, until ${formatDate(a.expiresAt)}`
      }
    >
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {a.justification}
      </Text>
    </Alert>
  );
}

/** One risk: scores with their explanation, details, controls, tasks, reviews and history. */
export function RiskPage() {
  const me = useMe();
  const { riskId } = riskRoute.useParams();
  const risk = useQuery(riskQuery(riskId));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editOpened, edit] = useDisclosure();
  const [acceptOpened, accept] = useDisclosure();
  const [deleteOpened, confirmDelete] = useDisclosure();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/risks/{id}", { params: { path: { id: riskId } } })),
    onSuccess: () => {
      notifySuccess("Risk deleted", risk.data?.title);
      void navigate({ to: "/risks" });
      queryClient.removeQueries({ queryKey: riskKeys.detail(riskId) });
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the risk"),
  });

  if (isApiError(risk.error, 404)) return <NotFoundPage what="risk" />;
  if (risk.isError)
    return <ErrorState error={risk.error} onRetry={() => risk.refetch()} title="Could not load the risk" />;
  const r = risk.data;
  const canAccept = r && can(me, "risk", "accept") && r.status !== "accepted" && r.status !== "closed";

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Risk register", to: "/risks" }, { label: r?.title ?? "…" }]}
        title={
          r ? (
            <Group gap="sm" component="span">
              {r.title}
            </Group>
          ) : (
            <Skeleton height={30} width={320} />
          )
        }
        description={
          r && (
            <Group gap="xs" component="span">
              <Badge variant="dot" color={RISK_STATUS_COLORS[r.status]}>
                {RISK_STATUS_LABELS[r.status]}
              </Badge>
              <Text span size="sm" c="dimmed">
                Inherent
              </Text>
              <RiskLevelBadge level={r.inherent.level} score={r.inherent.score} />
              <Text span size="sm" c="dimmed">
                Residual
              </Text>
              <RiskLevelBadge level={r.residual.level} score={r.residual.score} />
            </Group>
          )
        }
        actions={
          r && (
            <>
              {can(me, "risk", "delete") && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={confirmDelete.open}
                >
                  Delete
                </Button>
              )}
              {canAccept && (
                <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={accept.open}>
                  Accept risk
                </Button>
              )}
              {can(me, "risk", "update") && (
                <Button leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {!r ? (
        <Skeleton height={320} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={12}>
            <Stack gap="lg">
              <AcceptanceAlert risk={r} />
              <ScoreCards risk={r} />
              <DetailsCard risk={r} />
            </Stack>
          </Grid.Col>
          {r.signalId && (
            <Grid.Col span={12}>
              <SignalOriginCard signalId={r.signalId} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ControlsCard risk={r} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ReviewsCard risk={r} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TasksCard riskId={r.id} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Card>
              <Title order={5}>History</Title>
              <Text size="sm" c="dimmed" mb="md">
                From the tamper-evident audit trail: who changed what, and when.
              </Text>
              <ActivityFeed historyOf={{ kind: "risks", id: r.id }} pageSize={10} />
            </Card>
          </Grid.Col>
        </Grid>
      )}
      {r && (
        <>
          <RiskFormModal opened={editOpened} onClose={edit.close} risk={r} />
          <AcceptModal opened={acceptOpened} onClose={accept.close} risk={r} />
        </>
      )}
      <ConfirmModal
        opened={deleteOpened}
        onClose={confirmDelete.close}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={`Delete ${r?.title ?? "this risk"}?`}
        confirmLabel="Delete risk"
      >
        This removes the risk with its tasks, reviews and control links. The audit trail keeps a record. To
        record that a risk no longer applies, set its status to <b>Closed</b> instead.
      </ConfirmModal>
    </>
  );
}
