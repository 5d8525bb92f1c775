import { Button, Card, Group, Pagination, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAdjustments, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, NoMatches, TableSkeleton } from "../../components/States";
import { countriesRoute } from "../../router";
import { CountriesTable, CountriesTableHead } from "./CountriesTable";
import { CountriesToolbar } from "./CountriesToolbar";
import { ImportIndicatorsModal } from "./ImportIndicatorsModal";
import { filterCountries } from "./list";
import { countryListQuery } from "./queries";
import { RiskSettingsModal } from "./RiskSettingsModal";
import type { CountriesSearch } from "./search";
import { Attribution, canChangeRiskSettings, canImportIndicators } from "./shared";
import { WorldMap } from "./WorldMap";

const PAGE_SIZE = 25;

/** Every country: a world map, then a sortable, filterable table of governance and exposure. */
export function CountriesPage() {
  const search = countriesRoute.useSearch();
  const navigate = useNavigate({ from: "/countries" });
  const list = useQuery(countryListQuery);
  const me = useMe();
  const [settingsOpened, settingsModal] = useDisclosure();
  const [importOpened, importModal] = useDisclosure();
  const setSearch = (patch: Partial<CountriesSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, map: search.map }, replace: true });

  const rows = useMemo(
    () => (list.data ? filterCountries(list.data.items, search) : []),
    [list.data, search],
  );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(search.page ?? 1, pages);
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        title="Countries"
        description="Governance, risk and our exposure in every country where partners work or keep data."
        actions={
          <>
            {canImportIndicators(me) && (
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={importModal.open}>
                Import indicators
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconAdjustments size={16} />}
              onClick={settingsModal.open}
            >
              Risk settings
            </Button>
          </>
        }
      />
      <RiskSettingsModal
        opened={settingsOpened}
        onClose={settingsModal.close}
        canEdit={canChangeRiskSettings(me)}
      />
      {canImportIndicators(me) && <ImportIndicatorsModal opened={importOpened} onClose={importModal.close} />}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load countries" />
      ) : (
        <>
          {list.data && (
            <WorldMap
              list={list.data}
              metric={search.map ?? "risk"}
              onMetric={(map) => setSearch({ map: map === "risk" ? undefined : map })}
            />
          )}
          <Card p={0} className="table-card">
            <CountriesToolbar search={search} onChange={setSearch} onClear={() => void clear()} />
            {list.data && rows.length === 0 ? (
              <NoMatches
                title="No countries match"
                description={
                  search.ours ? "None of your partners work in a country matching these filters." : undefined
                }
                onClear={() => void clear()}
              />
            ) : (
              <Table.ScrollContainer minWidth={1100}>
                <Table className="data-table" verticalSpacing={6}>
                  <CountriesTableHead sort={search.sort ?? "name"} onSort={(sort) => setSearch({ sort })} />
                  <Table.Tbody>
                    {list.isPending ? (
                      <TableSkeleton rows={10} cols={11} />
                    ) : (
                      <CountriesTable items={visible} />
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {list.data && rows.length > 0 && (
              <Group
                justify="space-between"
                p="sm"
                style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}
                wrap="wrap"
              >
                <Text size="sm" c="dimmed">
                  {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, rows.length)} of {rows.length}{" "}
                  countries
                </Text>
                <Pagination
                  size="sm"
                  total={pages}
                  value={page}
                  onChange={(p) => setSearch({ page: p === 1 ? undefined : p })}
                />
              </Group>
            )}
          </Card>
          {list.data && (
            <Group justify="space-between" mt="xs" gap="xs">
              <Text size="xs" c="dimmed">
                Columns show percentile ranks (0–100, higher is better) of the latest year.
              </Text>
              <Attribution attribution={list.data.attribution} year={list.data.year} />
            </Group>
          )}
        </>
      )}
    </>
  );
}
