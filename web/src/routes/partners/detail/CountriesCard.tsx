import { Anchor, Card, Group, Skeleton, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { flagEmoji } from "../../../lib/format";
import { countryListQuery } from "../../countries/queries";
import { Attribution, INDICATOR_NAMES, PercentileBar, RiskBadge } from "../../countries/shared";
import { useParts } from "./parts";

interface Touch {
  code: string;
  reasons: string[];
}

/** Every country the partner touches, headquarters first, with why: HQ, sites, services' data. */
function touchedCountries(
  hq: string,
  sites: { name: string; country: string }[],
  services: { name: string; dataLocations: string[] }[],
): Touch[] {
  const byCode = new Map<string, string[]>();
  const add = (code: string, reason: string) => {
    const key = code.toUpperCase();
    const reasons = byCode.get(key) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    byCode.set(key, reasons);
  };
  add(hq, "Headquarters");
  for (const s of sites) add(s.country, `Site: ${s.name}`);
  for (const s of services) for (const loc of s.dataLocations) add(loc, `Data: ${s.name}`);
  return [...byCode].map(([code, reasons]) => ({ code, reasons }));
}

/** The partner's countries with their risk level and two key governance percentiles. */
export function CountriesCard({ partnerId, headquarters }: { partnerId: string; headquarters: string }) {
  const sites = useParts(partnerId, "sites");
  const services = useParts(partnerId, "services");
  const countries = useQuery(countryListQuery);
  const loading = sites.isPending || services.isPending || countries.isPending;
  const touches = touchedCountries(headquarters, sites.data?.items ?? [], services.data?.items ?? []);
  const nowrap = { whiteSpace: "nowrap" } as const;
  const byCode = new Map((countries.data?.items ?? []).map((c) => [c.code, c]));
  return (
    <Card>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={4}>Countries</Title>
        {countries.data && (
          <Attribution attribution={countries.data.attribution} year={countries.data.year} />
        )}
      </Group>
      {loading ? (
        <Skeleton height={120} radius="md" />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={nowrap}>Country</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th style={nowrap}>Risk</Table.Th>
                <Table.Th style={nowrap} ta="right">
                  Stability
                </Table.Th>
                <Table.Th style={nowrap} ta="right">
                  Rule of law
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {touches.map((t) => {
                const c = byCode.get(t.code);
                return (
                  <Table.Tr key={t.code}>
                    <Table.Td style={nowrap}>
                      <Anchor component={Link} to={`/countries/${t.code}`} size="sm">
                        <span aria-hidden>{flagEmoji(t.code)}</span> {c?.name ?? t.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.reasons.join(" · ")}</Text>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <RiskBadge level={c?.risk.level ?? null} size="sm" miw="max-content" />
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Group justify="flex-end">
                        <PercentileBar
                          value={c?.governance.percentiles.PoliticalStability}
                          label={INDICATOR_NAMES.PoliticalStability}
                        />
                      </Group>
                    </Table.Td>
                    <Table.Td style={nowrap}>
                      <Group justify="flex-end">
                        <PercentileBar
                          value={c?.governance.percentiles.RuleofLaw}
                          label={INDICATOR_NAMES.RuleofLaw}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        Percentile rank among all countries (0 lowest, 100 highest), latest year.
      </Text>
    </Card>
  );
}
