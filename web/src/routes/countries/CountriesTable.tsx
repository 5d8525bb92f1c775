import { Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { flagEmoji } from "../../lib/format";
import type { CountryListItem } from "./queries";
import type { CountrySort, SortField } from "./search";
import { INDICATOR_NAMES, INDICATOR_SHORT, INDICATORS, PercentileBar, RiskBadge } from "./shared";

/** A header that toggles ascending/descending sort; numbers start descending (largest first). */
function SortHeader(props: {
  field: SortField;
  label: string;
  title?: string;
  sort: CountrySort;
  onSort: (s: CountrySort) => void;
  numeric?: boolean;
}) {
  const { field, sort } = props;
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  const first: CountrySort = props.numeric ? `-${field}` : field;
  const next: CountrySort = !active ? first : descending ? field : `-${field}`;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"} title={props.title}>
      <button type="button" className="th-sort" onClick={() => props.onSort(next)}>
        {props.label}
        <Icon
          size={14}
          stroke={1.8}
          color={active ? "var(--mantine-color-brand-6)" : "var(--mantine-color-gray-5)"}
        />
      </button>
    </Table.Th>
  );
}

/** The header row of the country table. */
export function CountriesTableHead({
  sort,
  onSort,
}: {
  sort: CountrySort;
  onSort: (s: CountrySort) => void;
}) {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <SortHeader field="name" label="Country" sort={sort} onSort={onSort} />
        <SortHeader field="region" label="Region" sort={sort} onSort={onSort} />
        <SortHeader field="risk" label="Risk" sort={sort} onSort={onSort} numeric />
        {INDICATORS.map((i) => (
          <SortHeader
            key={i}
            field={i}
            label={INDICATOR_SHORT[i]}
            title={`${INDICATOR_NAMES[i]} (percentile rank)`}
            sort={sort}
            onSort={onSort}
            numeric
          />
        ))}
        <SortHeader field="partners" label="Partners" sort={sort} onSort={onSort} numeric />
        <SortHeader field="services" label="Services" sort={sort} onSort={onSort} numeric />
      </Table.Tr>
    </Table.Thead>
  );
}

/** Country rows; a click opens the country page. */
export function CountriesTable({ items }: { items: CountryListItem[] }) {
  const navigate = useNavigate();
  const open = (code: string) => navigate({ to: "/countries/$code", params: { code } });
  return (
    <>
      {items.map((c) => (
        <Table.Tr
          key={c.code}
          className="row-link"
          tabIndex={0}
          onClick={() => open(c.code)}
          onKeyDown={(e) => {
            if (e.key === "Enter") open(c.code);
          }}
        >
          <Table.Td maw={240}>
            <Group gap={8} wrap="nowrap">
              <span aria-hidden>{flagEmoji(c.code)}</span>
              <Text size="sm" fw={600} truncate>
                {c.name}
              </Text>
              {c.hasOverride && (
                <Tooltip label="Your organization has annotated this country" openDelay={300}>
                  <Badge size="xs" variant="outline" color="grape">
                    Note
                  </Badge>
                </Tooltip>
              )}
            </Group>
          </Table.Td>
          <Table.Td fz="sm" c="dimmed">
            {c.region ?? "—"}
          </Table.Td>
          <Table.Td>
            <RiskBadge level={c.risk.level} size="sm" />
          </Table.Td>
          {INDICATORS.map((i) => (
            <Table.Td key={i}>
              <PercentileBar value={c.governance.percentiles[i]} label={INDICATOR_NAMES[i]} />
            </Table.Td>
          ))}
          <Table.Td fz="sm" ta="right" c={c.partnerCount ? undefined : "dimmed"}>
            {c.partnerCount}
          </Table.Td>
          <Table.Td fz="sm" ta="right" c={c.serviceCount ? undefined : "dimmed"}>
            {c.serviceCount}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
