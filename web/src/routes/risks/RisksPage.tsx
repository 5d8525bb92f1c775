import { Button, Card, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload, IconPlus, IconSettings, IconShieldCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches } from "../../components/States";
import { risksRoute } from "../../router";
import { riskListQuery } from "./queries";
import { RiskAreaTabs } from "./RiskAreaTabs";
import { RiskFormModal } from "./RiskFormModal";
import { RisksTable, RisksTableHead } from "./RisksTable";
import { RisksToolbar } from "./RisksToolbar";
import { exportHref, hasFilters, type RisksSearch } from "./search";

/** The risk register: filters, server-side sort, cursor pages, CSV export and new risks. */
export function RisksPage() {
  const me = useMe();
  const search = risksRoute.useSearch();
  const navigate = useNavigate({ from: "/risks" });
  const pages = useCursorPages(JSON.stringify(search));
  const allowed = can(me, "risk", "read");
  const list = useQuery({ ...riskListQuery(search, pages.cursor), enabled: allowed });
  const [formOpened, form] = useDisclosure();
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<RisksSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, limit: search.limit } });
  if (!allowed) return <Forbidden />;

  const filtered = hasFilters(search);
  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;

  const actions = (
    <>
      {can(me, "riskSettings", "write") && (
        <Button
          component={Link}
          to="/admin/risk-settings"
          variant="default"
          leftSection={<IconSettings size={16} />}
        >
          Settings
        </Button>
      )}
      {can(me, "risk", "export") && (
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
      {can(me, "risk", "create") && (
        <Button leftSection={<IconPlus size={16} />} onClick={form.open}>
          New risk
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="Risk register"
        description="What can go wrong with each arrangement, how bad it is before and after controls, and who owns it."
        actions={actions}
      />
      <RiskAreaTabs current="list" search={search} />
      <Card p={0} className="table-card">
        <RisksToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load risks" />
          </div>
        ) : isEmpty && !filtered && pages.page === 1 ? (
          <Empty
            icon={<IconShieldCheck size={28} />}
            title="No risks recorded yet"
            description="Record what could go wrong with your partners, or accept the risks the signals inbox proposes from what Outsight already knows."
            actions={
              <>
                {can(me, "risk", "create") && (
                  <Button leftSection={<IconPlus size={16} />} onClick={form.open}>
                    Record the first risk
                  </Button>
                )}
                <Button component={Link} to="/signals" variant="default">
                  Open the signals inbox
                </Button>
              </>
            }
          />
        ) : isEmpty ? (
          <NoMatches title="No risks match" onClear={clear} />
        ) : (
          <PagedTable
            minWidth={1000}
            head={
              <RisksTableHead sort={search.sort ?? "-residualScore"} onSort={(sort) => setSearch({ sort })} />
            }
            firstLoad={firstLoad}
            stale={list.isPlaceholderData}
            columns={8}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              pageSize,
              onPageSize: (limit) => setSearch({ limit: limit === 25 ? undefined : limit }),
              loading: list.isFetching,
            }}
          >
            <RisksTable items={items} />
          </PagedTable>
        )}
      </Card>
      {!firstLoad && filtered && !isEmpty && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing risks matching your filters. Export CSV downloads all of them, not only this page.
        </Text>
      )}
      <RiskFormModal
        opened={formOpened}
        onClose={form.close}
        risk={null}
        onSaved={(id) => navigate({ to: "/risks/$riskId", params: { riskId: id } })}
      />
    </>
  );
}
