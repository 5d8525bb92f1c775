import { Button, Card, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFileText, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { Empty, ErrorState, Forbidden, TableSkeleton } from "../../../components/States";
import { partnerRoute } from "../../../router";
import { ContractFormModal } from "../../contracts/ContractFormModal";
import { ContractsTable, ContractsTableHead } from "../../contracts/ContractsTable";
import { contractListQuery } from "../../contracts/queries";
import { partnerQuery } from "../queries";

/** The partner's contracts, soonest notice deadline first, with a shortcut to add one. */
export function ContractsTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const navigate = useNavigate();
  const partner = useQuery(partnerQuery(partnerId));
  const allowed = can(me, "contract", "read");
  const pages = useCursorPages(partnerId);
  const search = { partnerId };
  const list = useQuery({ ...contractListQuery(search, pages.cursor), enabled: allowed });
  const [formOpened, form] = useDisclosure();
  if (!allowed) return <Forbidden />;
  const items = list.data?.items ?? [];
  const canCreate = can(me, "contract", "create");
  const addButton = canCreate && (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={form.open}>
      New contract
    </Button>
  );

  return (
    <Card p={0} className="table-card">
      <Group justify="space-between" p="md">
        <Text fw={600}>Contracts</Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => navigate({ to: "/contracts", search: { partnerId } })}
          >
            Open in contract list
          </Button>
          {addButton}
        </Group>
      </Group>
      {list.isError ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load contracts" />
        </div>
      ) : !list.isPending && items.length === 0 && pages.page === 1 ? (
        <Empty
          icon={<IconFileText size={28} />}
          title="No contracts with this partner"
          description="Record the agreements that govern this relationship to track notice deadlines, clauses and obligations."
          actions={addButton}
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table className="data-table">
              <ContractsTableHead sort="noticeDeadline" hidePartner />
              <Table.Tbody>
                {list.isPending ? (
                  <TableSkeleton rows={4} cols={8} />
                ) : (
                  <ContractsTable items={items} hidePartner />
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!list.isPending && (
            <CursorPager
              pages={pages}
              nextCursor={list.data?.nextCursor}
              count={items.length}
              pageSize={25}
              loading={list.isFetching}
            />
          )}
        </>
      )}
      <ContractFormModal
        opened={formOpened}
        onClose={form.close}
        contract={null}
        partner={partner.data ? { id: partnerId, name: partner.data.name } : undefined}
        onSaved={(id) => navigate({ to: "/contracts/$contractId", params: { contractId: id } })}
      />
    </Card>
  );
}
