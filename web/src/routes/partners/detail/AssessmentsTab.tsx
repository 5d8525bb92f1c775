import { Button, Card, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconClipboardCheck, IconPlus } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { Empty, ErrorState, Forbidden, TableSkeleton } from "../../../components/States";
import { partnerRoute } from "../../../router";
import { AssessmentsTable, AssessmentsTableHead, tableColumns } from "../../assessments/AssessmentsTable";
import { LoadMore } from "../../assessments/BoardParts";
import { NewAssessmentModal } from "../../assessments/NewAssessmentModal";
import { assessmentListQuery } from "../../assessments/queries";
import { partnerQuery } from "../queries";

/** The partner's assessments, newest due date last, with a shortcut to start one for this partner. */
export function AssessmentsTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const navigate = useNavigate();
  const partner = useQuery(partnerQuery(partnerId));
  const allowed = can(me, "assessment", "read");
  const list = useInfiniteQuery({
    ...assessmentListQuery({ partnerId, sort: "-dueDate" }, false, 25),
    enabled: allowed,
  });
  const [newOpened, newModal] = useDisclosure();
  if (!allowed) return <Forbidden />;
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  const newButton = can(me, "assessment", "write") && (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={newModal.open}>
      New assessment
    </Button>
  );

  return (
    <Card p={0} className="table-card">
      <Group justify="space-between" p="md">
        <Text fw={600}>Assessments</Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => navigate({ to: "/assessments", search: { partnerId, view: "table" } })}
          >
            Open in assessments
          </Button>
          {newButton}
        </Group>
      </Group>
      {list.isError && !list.isFetchNextPageError ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load assessments" />
        </div>
      ) : list.isSuccess && items.length === 0 ? (
        <Empty
          icon={<IconClipboardCheck size={28} />}
          title="No assessments of this partner"
          description="Send a due-diligence questionnaire: moving the partner to contracting needs a completed one."
          actions={newButton}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table className="data-table">
            <AssessmentsTableHead sort="-dueDate" hidePartner />
            <Table.Tbody>
              {list.isPending ? (
                <TableSkeleton rows={3} cols={tableColumns(true)} />
              ) : (
                <AssessmentsTable items={items} hidePartner />
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={list} count={items.length} />
      <NewAssessmentModal
        opened={newOpened}
        onClose={newModal.close}
        partner={partner.data ? { id: partnerId, name: partner.data.name } : undefined}
      />
    </Card>
  );
}
