import { Button, Card } from "@mantine/core";
import { IconFileText, IconGauge, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches } from "../../components/States";
import { kpisRoute } from "../../router";
import { KPI_COLUMNS, KpisTable, KpisTableHead } from "./KpisTable";
import { KpisToolbar } from "./KpisToolbar";
import { kpiPageQuery } from "./queries";
import { hasFilters, type KpisSearch } from "./search";

/**
 * "Service levels": every KPI of the organization with its target and latest evaluated measurement,
 * filtered by words, partner and latest status, sorted on the server, one cursor page at a time.
 */
export function KpisPage() {
  const me = useMe();
  const search = kpisRoute.useSearch();
  const navigate = useNavigate({ from: "/kpis" });
  const pages = useCursorPages(JSON.stringify(search));
  const allowed = can(me, "kpi", "read");
  const list = useQuery({ ...kpiPageQuery(search, pages.cursor), enabled: allowed });
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<KpisSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, limit: search.limit } });
  if (!allowed) return <Forbidden />;

  const filtered = hasFilters(search);
  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;

  const actions = can(me, "measurement", "write") && (
    <Button component={Link} to="/kpis/upload" variant="default" leftSection={<IconUpload size={16} />}>
      Upload measurements
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Service levels"
        description="Every KPI agreed with your partners, its target and how the latest period measured up."
        actions={actions}
      />
      <Card p={0} className="table-card">
        <KpisToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load the KPIs" />
          </div>
        ) : isEmpty && !filtered && pages.page === 1 ? (
          <Empty
            icon={<IconGauge size={28} />}
            title="No KPIs yet"
            description="KPIs belong to a contract: open a contract and add its service levels in the “KPIs & service levels” card. They will all be listed here with their latest status."
            actions={
              <Button
                component={Link}
                to="/contracts"
                variant="default"
                leftSection={<IconFileText size={16} />}
              >
                Go to contracts
              </Button>
            }
          />
        ) : isEmpty ? (
          <NoMatches title="No KPIs match" onClear={clear} />
        ) : (
          <PagedTable
            minWidth={980}
            head={<KpisTableHead sort={search.sort ?? "name"} onSort={(sort) => setSearch({ sort })} />}
            firstLoad={firstLoad}
            stale={list.isPlaceholderData}
            columns={KPI_COLUMNS}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              pageSize,
              onPageSize: (limit) => setSearch({ limit: limit === 25 ? undefined : limit }),
              loading: list.isFetching,
            }}
          >
            <KpisTable items={items} />
          </PagedTable>
        )}
      </Card>
    </>
  );
}
