import { Button, Card, Code, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildingSkyscraper, IconDownload, IconPlus, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, NoMatches } from "../../components/States";
import { partnersRoute } from "../../router";
import { ImportCsvModal } from "./ImportCsvModal";
import { PartnersTable, PartnersTableHead } from "./PartnersTable";
import { PartnersToolbar } from "./PartnersToolbar";
import { partnerListQuery } from "./queries";
import { exportHref, hasFilters, type PartnersSearch } from "./search";

/** The partner registry: search, filters, server-side sort, cursor pages, import and export. */
export function PartnersPage() {
  const me = useMe();
  const search = partnersRoute.useSearch();
  const navigate = useNavigate({ from: "/partners" });
  const pages = useCursorPages(JSON.stringify(search));
  const list = useQuery(partnerListQuery(search, pages.cursor));
  const [importOpened, importModal] = useDisclosure();
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<PartnersSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, limit: search.limit } });

  const filtered = hasFilters(search);
  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;

  const actions = (
    <>
      {can(me, "partner", "import") && (
        <Button variant="default" leftSection={<IconUpload size={16} />} onClick={importModal.open}>
          Import CSV
        </Button>
      )}
      {can(me, "partner", "export") && (
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
      {can(me, "partner", "create") && (
        <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} />}>
          New partner
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="Partners"
        description="Everyone you outsource to: their sites, services, contacts and sub-contractors."
        actions={actions}
      />
      <Card p={0} className="table-card">
        <PartnersToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load partners" />
          </div>
        ) : isEmpty && !filtered && pages.page === 1 ? (
          <Empty
            icon={<IconBuildingSkyscraper size={28} />}
            title="No partners yet"
            description={
              <>
                Add the companies you outsource to, import them from a spreadsheet, or try Outsight with demo
                data: <Code>npm run outsight -- demo</Code>
              </>
            }
            actions={
              <>
                {can(me, "partner", "create") && (
                  <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} />}>
                    Add your first partner
                  </Button>
                )}
                {can(me, "partner", "import") && (
                  <Button variant="default" leftSection={<IconUpload size={16} />} onClick={importModal.open}>
                    Import CSV
                  </Button>
                )}
              </>
            }
          />
        ) : isEmpty ? (
          <NoMatches title="No partners match" onClear={clear} />
        ) : (
          <PagedTable
            minWidth={960}
            head={<PartnersTableHead sort={search.sort ?? "name"} onSort={(sort) => setSearch({ sort })} />}
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
            <PartnersTable items={items} />
          </PagedTable>
        )}
      </Card>
      {!firstLoad && filtered && !isEmpty && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing partners matching your filters. Export CSV downloads all of them, not only this page.
        </Text>
      )}
      <ImportCsvModal opened={importOpened} onClose={importModal.close} />
    </>
  );
}
