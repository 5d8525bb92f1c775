import { Button, Card, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCalendarRepeat, IconClipboardCheck, IconPlus } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches, TableSkeleton } from "../../components/States";
import { assessmentsRoute } from "../../router";
import { AssessmentsBoard } from "./AssessmentsBoard";
import { AssessmentsTable, AssessmentsTableHead, tableColumns } from "./AssessmentsTable";
import { AssessmentsToolbar } from "./AssessmentsToolbar";
import { BoardSkeleton, LoadMore } from "./BoardParts";
import { CadenceSettingsModal } from "./CadenceSettingsModal";
import { NewAssessmentModal } from "./NewAssessmentModal";
import { assessmentListQuery, summaryQuery } from "./queries";
import { SummaryStrip } from "./SummaryStrip";
import { type AssessmentsSearch, hasFilters } from "./search";

/**
 * The assessments board: counts per status, then every assessment as a card in its status column
 * (or as a sortable table), filtered by status, partner, purpose and lateness, a page at a time.
 */
export function AssessmentsPage() {
  const me = useMe();
  const search = assessmentsRoute.useSearch();
  const navigate = useNavigate({ from: "/assessments" });
  const allowed = can(me, "assessment", "read");
  const board = search.view !== "table";
  const list = useInfiniteQuery({ ...assessmentListQuery(search, board), enabled: allowed });
  const summary = useQuery({ ...summaryQuery, enabled: allowed });
  const [newOpened, newModal] = useDisclosure();
  const [cadenceOpened, cadence] = useDisclosure();

  const setSearch = (patch: Partial<AssessmentsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { view: search.view, sort: search.sort } });
  if (!allowed) return <Forbidden />;

  const filtered = hasFilters(search);
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  const firstLoad = list.isPending;
  const isEmpty = list.isSuccess && items.length === 0;
  const canWrite = can(me, "assessment", "write");
  const newButton = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={newModal.open}>
      New assessment
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Assessments"
        description="Due-diligence questionnaires sent to partners: who is answering, what waits for review, and how each partner scored."
        actions={
          <>
            {can(me, "assessment", "settings") && (
              <Button variant="default" leftSection={<IconCalendarRepeat size={16} />} onClick={cadence.open}>
                Reassessment cadence
              </Button>
            )}
            {newButton}
          </>
        }
      />
      <SummaryStrip
        summary={summary.data}
        onStatus={(s) => setSearch({ status: [s], overdue: undefined })}
        onOverdue={() => setSearch({ overdue: true, status: undefined })}
      />
      <Card p={0} className="table-card">
        <AssessmentsToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError && !list.isFetchNextPageError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState
              error={list.error}
              onRetry={() => list.refetch()}
              title="Could not load assessments"
            />
          </div>
        ) : isEmpty && !filtered ? (
          <Empty
            icon={<IconClipboardCheck size={28} />}
            title="No assessments yet"
            description="Send a due-diligence questionnaire to a partner: they answer in the portal, you review the answers and conclude."
            actions={newButton}
          />
        ) : isEmpty ? (
          <NoMatches title="No assessments match" onClear={clear} />
        ) : board ? (
          firstLoad ? (
            <BoardSkeleton />
          ) : (
            <AssessmentsBoard
              stale={list.isPlaceholderData}
              items={items}
              statuses={search.status}
              totals={filtered ? undefined : summary.data?.byStatus}
            />
          )
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table
              className="data-table"
              style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}
            >
              <AssessmentsTableHead sort={search.sort ?? "dueDate"} onSort={(sort) => setSearch({ sort })} />
              <Table.Tbody>
                {firstLoad ? (
                  <TableSkeleton rows={8} cols={tableColumns()} />
                ) : (
                  <AssessmentsTable items={items} />
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={list} count={items.length} />
      </Card>
      {board && !firstLoad && !isEmpty && (
        <Group justify="flex-end" mt="xs">
          <Text size="xs" c="dimmed">
            Cancelled assessments are not on the board: filter by status or switch to the table to see them.
          </Text>
        </Group>
      )}
      <NewAssessmentModal opened={newOpened} onClose={newModal.close} />
      <CadenceSettingsModal opened={cadenceOpened} onClose={cadence.close} />
    </>
  );
}
