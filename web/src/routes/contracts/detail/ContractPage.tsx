import { Alert, Badge, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconClockExclamation, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, isApiError, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ActivityFeed } from "../../../components/ActivityFeed";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { PageHeader } from "../../../components/PageHeader";
import { ErrorState } from "../../../components/States";
import { formatDate } from "../../../lib/format";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { contractRoute } from "../../../router";
import { NotFoundPage } from "../../NotFoundPage";
import { ContractFormModal } from "../ContractFormModal";
import { CONTRACT_STATUS_COLORS, CONTRACT_STATUS_LABELS, CONTRACT_TYPE_NAMES } from "../labels";
import { NoticeDeadline } from "../NoticeDeadline";
import { type Contract, contractKeys, contractQuery } from "../queries";
import { ClausesCard } from "./ClausesCard";
import { DetailsCard } from "./DetailsCard";
import { ExitPlanCard } from "./ExitPlanCard";
import { KpisCard } from "./KpisCard";
import { ObligationsCard } from "./ObligationsCard";
import { ReviewsCard } from "./ReviewsCard";

/** The notice deadline spelled out when it needs action: passed, or due soon. */
function NoticeAlert({ contract }: { contract: Contract }) {
  const n = contract.notice;
  if (n.status !== "overdue" && n.status !== "due_soon") return null;
  const overdue = n.status === "overdue";
  return (
    <Alert
      color={overdue ? "red" : "orange"}
      icon={overdue ? <IconAlertTriangle size={18} /> : <IconClockExclamation size={18} />}
      title={
        overdue
          ? `The notice deadline passed on ${formatDate(n.date)}`
          : `Give notice by ${formatDate(n.date)} (${n.daysUntil} days left)`
      }
    >
      <Text size="sm">{n.explanation}</Text>
    </Alert>
  );
}

/** One contract: notice deadline, details, clauses, obligations, reviews and exit plan. */
export function ContractPage() {
  const me = useMe();
  const { contractId } = contractRoute.useParams();
  const contract = useQuery(contractQuery(contractId));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editOpened, edit] = useDisclosure();
  const [deleteOpened, confirmDelete] = useDisclosure();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/contracts/{id}", { params: { path: { id: contractId } } })),
    onSuccess: () => {
      notifySuccess("Contract deleted", contract.data?.title);
      void navigate({ to: "/contracts" });
      queryClient.removeQueries({ queryKey: contractKeys.detail(contractId) });
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the contract"),
  });

  if (isApiError(contract.error, 404)) return <NotFoundPage what="contract" />;
  if (contract.isError)
    return (
      <ErrorState
        error={contract.error}
        onRetry={() => contract.refetch()}
        title="Could not load the contract"
      />
    );
  const c = contract.data;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Contracts", to: "/contracts" }, { label: c?.title ?? "…" }]}
        title={c ? c.title : <Skeleton height={30} width={320} />}
        description={
          c && (
            <Group gap="xs" component="span">
              <Badge variant="dot" color={CONTRACT_STATUS_COLORS[c.status]}>
                {CONTRACT_STATUS_LABELS[c.status]}
              </Badge>
              <Text span size="sm">
                {CONTRACT_TYPE_NAMES[c.type]} with {c.partner.name}
              </Text>
              <Text span size="sm" c="dimmed">
                · Notice by
              </Text>
              <NoticeDeadline notice={c.notice} />
            </Group>
          )
        }
        actions={
          c && (
            <>
              {can(me, "contract", "delete") && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={confirmDelete.open}
                >
                  Delete
                </Button>
              )}
              {can(me, "contract", "update") && (
                <Button leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {!c ? (
        <Skeleton height={320} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={12}>
            <Stack gap="lg">
              <NoticeAlert contract={c} />
              <DetailsCard contract={c} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ClausesCard contract={c} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <ExitPlanCard contract={c} />
          </Grid.Col>
          <Grid.Col span={12}>
            <ObligationsCard contract={c} />
          </Grid.Col>
          {can(me, "kpi", "read") && (
            <Grid.Col span={12}>
              <KpisCard contract={c} />
            </Grid.Col>
          )}
          <Grid.Col span={12}>
            <ReviewsCard contract={c} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Card>
              <Title order={5}>History</Title>
              <Text size="sm" c="dimmed" mb="md">
                From the tamper-evident audit trail: who changed the contract and its obligations, and when.
              </Text>
              <ActivityFeed historyOf={{ kind: "contracts", id: c.id }} pageSize={10} />
            </Card>
          </Grid.Col>
        </Grid>
      )}
      {c && <ContractFormModal opened={editOpened} onClose={edit.close} contract={c} />}
      <ConfirmModal
        opened={deleteOpened}
        onClose={confirmDelete.close}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={`Delete ${c?.title ?? "this contract"}?`}
        confirmLabel="Delete contract"
      >
        This removes the contract with its obligations and reviews. The audit trail keeps a record. To end a
        contract, set its status to <b>Terminated</b> instead.
      </ConfirmModal>
    </>
  );
}
