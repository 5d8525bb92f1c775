import { Button, Card, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCalendarEvent, IconDownload, IconFileText, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches } from "../../components/States";
import { contractsRoute } from "../../router";
import { ContractFormModal } from "./ContractFormModal";
import { ContractsTable, ContractsTableHead } from "./ContractsTable";
import { ContractsToolbar } from "./ContractsToolbar";
import { contractListQuery } from "./queries";
import { type ContractsSearch, exportHref, hasFilters } from "./search";

/** The contract register: filters, server-side sort, cursor pages, CSV export and new contracts. */
export function ContractsPage() {
  const me = useMe();
  const search = contractsRoute.useSearch();
  const navigate = useNavigate({ from: "/contracts" });
  const pages = useCursorPages(JSON.stringify(search));
  const allowed = can(me, "contract", "read");
  const list = useQuery({ ...contractListQuery(search, pages.cursor), enabled: allowed });
  const [formOpened, form] = useDisclosure();
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<ContractsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, limit: search.limit } });
  if (!allowed) return <Forbidden />;

  const filtered = hasFilters(search);
  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;
  const canCreate = can(me, "contract", "create");

  const actions = (
    <>
      <Button
        component={Link}
        to="/contracts/calendar"
        variant="default"
        leftSection={<IconCalendarEvent size={16} />}
      >
        Renewal calendar
      </Button>
      {can(me, "contract", "export") && (
        <Button
          component="a"
          href={exportHref(search)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Export CSV
        </Button>
      )}
      {canCreate && (
        <Button leftSection={<IconPlus size={16} />} onClick={form.open}>
          New contract
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="Contracts"
        description="What was agreed with each partner, which clauses it holds, and the last day to give notice before it renews."
        actions={actions}
      />
      <Card p={0} className="table-card">
        <ContractsToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load contracts" />
          </div>
        ) : isEmpty && !filtered && pages.page === 1 ? (
          <Empty
            icon={<IconFileText size={28} />}
            title="No contracts recorded yet"
            description="Record your partner agreements to see their clause coverage, notice deadlines and obligations in one place."
            actions={
              canCreate && (
                <Button leftSection={<IconPlus size={16} />} onClick={form.open}>
                  Record the first contract
                </Button>
              )
            }
          />
        ) : isEmpty ? (
          <NoMatches title="No contracts match" onClear={clear} />
        ) : (
          <PagedTable
            minWidth={1050}
            head={
              <ContractsTableHead
                sort={search.sort ?? "noticeDeadline"}
                onSort={(sort) => setSearch({ sort })}
              />
            }
            firstLoad={firstLoad}
            stale={list.isPlaceholderData}
            columns={9}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              pageSize,
              onPageSize: (limit) => setSearch({ limit: limit === 25 ? undefined : limit }),
              loading: list.isFetching,
            }}
          >
            <ContractsTable items={items} />
          </PagedTable>
        )}
      </Card>
      {!firstLoad && filtered && !isEmpty && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing contracts matching your filters. Export CSV downloads all of them, not only this page.
        </Text>
      )}
      <ContractFormModal
        opened={formOpened}
        onClose={form.close}
        contract={null}
        onSaved={(id) => navigate({ to: "/contracts/$contractId", params: { contractId: id } })}
      />
    </>
  );
}
