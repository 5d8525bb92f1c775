import { Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { PartnerListItem, PartnerSort } from "../../api/types";
import { CountryLabel, CriticalityBadge, categoryLabel, StatusBadge } from "../../components/Badges";
import { TierBadge } from "../../components/RiskLevelBadge";
import { SortHeader } from "../../components/SortHeader";
import { formatDateTime, fromNow } from "../../lib/format";

/** The header row of the partner table. */
export function PartnersTableHead({ sort, onSort }: { sort: PartnerSort; onSort: (s: PartnerSort) => void }) {
  const header = (field: string, label: string) => (
    <SortHeader field={field} label={label} sort={sort} onSort={(s) => onSort(s as PartnerSort)} />
  );
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        {header("name", "Partner")}
        {header("status", "Status")}
        {header("country", "Country")}
        {header("category", "Category")}
        {header("riskTier", "Risk tier")}
        <Table.Th>Services</Table.Th>
        <Table.Th>Owner</Table.Th>
        {header("updatedAt", "Updated")}
      </Table.Tr>
    </Table.Thead>
  );
}

/** The legal name adds nothing when it is the trading name plus a company suffix ("… GmbH"). */
function legalNameWorthShowing(p: PartnerListItem): boolean {
  return Boolean(p.legalName) && !p.legalName!.toLowerCase().startsWith(p.name.toLowerCase());
}

/** Partner rows; a click anywhere on a row opens the partner. */
export function PartnersTable({ items }: { items: PartnerListItem[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/partners/$partnerId", params: { partnerId: id } });
  return (
    <>
      {items.map((p) => (
        <Table.Tr
          key={p.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(p.id)}
          onKeyDown={(e) => {
            if (e.key === "Enter") open(p.id);
          }}
        >
          <Table.Td maw={300}>
            <Stack gap={2}>
              <Text fw={600} size="sm" truncate>
                {p.name}
              </Text>
              {(legalNameWorthShowing(p) || p.tags.length > 0) && (
                <Group gap={4} wrap="nowrap">
                  {legalNameWorthShowing(p) && (
                    <Text size="xs" c="dimmed" truncate maw={160}>
                      {p.legalName}
                    </Text>
                  )}
                  {p.tags.slice(0, 2).map((t) => (
                    <Badge key={t} size="xs" color="gray" variant="outline">
                      {t}
                    </Badge>
                  ))}
                  {p.tags.length > 2 && (
                    <Text size="xs" c="dimmed">
                      +{p.tags.length - 2}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={p.status} />
          </Table.Td>
          <Table.Td fz="sm">
            <CountryLabel code={p.country} name={p.countryName} />
          </Table.Td>
          <Table.Td fz="sm">{categoryLabel(p.category)}</Table.Td>
          <Table.Td>
            <TierBadge tier={p.riskTier} variant="light" />
          </Table.Td>
          <Table.Td>
            <Group gap={8} wrap="nowrap">
              <Text size="sm" w={18} ta="right" c={p.serviceCount ? undefined : "dimmed"}>
                {p.serviceCount}
              </Text>
              {p.highestCriticality && (
                <Tooltip label="Highest criticality of its services" openDelay={400}>
                  <span>
                    <CriticalityBadge value={p.highestCriticality} />
                  </span>
                </Tooltip>
              )}
            </Group>
          </Table.Td>
          <Table.Td fz="sm">
            {p.owner?.name ?? (
              <Text c="dimmed" span size="sm">
                Unassigned
              </Text>
            )}
          </Table.Td>
          <Table.Td fz="sm" c="dimmed">
            <Tooltip label={formatDateTime(p.updatedAt)} openDelay={300}>
              <span>{fromNow(p.updatedAt)}</span>
            </Tooltip>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
