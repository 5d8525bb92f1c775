import { Anchor, Badge, Card, Group, List, Stack, Table, Text } from "@mantine/core";
import { IconBuildingSkyscraper } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { PartnerStatus } from "../../../../domain/lifecycle";
import { StatusBadge } from "../../components/Badges";
import { formatDate } from "../../lib/format";
import type { CountryProfile } from "./queries";

const EU_STATUS: Record<string, { label: string; color: string }> = {
  eu_eea: { label: "EU / EEA member", color: "blue" },
  adequate: { label: "EU adequacy decision", color: "green" },
  partial_adequacy: { label: "Partial EU adequacy", color: "yellow" },
  not_adequate: { label: "No EU adequacy decision", color: "orange" },
};

/** "2026-11" reads as "November 2026"; full dates as usual. */
const asOf = (v: string) =>
  /^\d{4}-\d{2}$/.test(v)
    ? new Date(`${v}-01T00:00:00Z`).toLocaleDateString("en-GB", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      })
    : formatDate(v);

const VIA: Record<string, string> = {
  headquarters: "Headquarters",
  site: "Site",
  data_location: "Data location",
};

/** Data-protection law and EU adequacy from the product's curated, dated table. */
export function DataProtectionCard({ dp }: { dp: CountryProfile["dataProtection"] }) {
  const eu = dp.euStatus ? EU_STATUS[dp.euStatus] : null;
  return (
    <Card p="md" withBorder h="100%">
      <Stack gap="xs">
        <Text fw={600}>Data protection</Text>
        {dp.status === "unknown" ? (
          <Text size="sm" c="dimmed">
            Not in the curated table yet; check the country's law before moving personal data there.
          </Text>
        ) : (
          <>
            <Group gap="xs">
              <Badge color={dp.comprehensiveLaw ? "green" : "orange"} variant="light">
                {dp.comprehensiveLaw ? "Comprehensive law" : "No comprehensive law"}
              </Badge>
              {eu && (
                <Badge color={eu.color} variant="light">
                  {eu.label}
                </Badge>
              )}
            </Group>
            {dp.law && <Text size="sm">{dp.law}</Text>}
            {dp.note && (
              <Text size="sm" c="dimmed">
                {dp.note}
              </Text>
            )}
          </>
        )}
        <Text size="xs" c="dimmed">
          As of {asOf(dp.asOf)}. Sources:
        </Text>
        <List size="xs" c="dimmed" spacing={2}>
          {dp.sources.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

/** Our partners with a headquarters, site or data in the country. */
export function CountryPartnersCard({ partners }: { partners: CountryProfile["partners"] }) {
  return (
    <Card p="md" withBorder h="100%">
      <Text fw={600} mb="xs">
        Our partners here
      </Text>
      {partners.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconBuildingSkyscraper size={18} />
          <Text size="sm">None of your partners has headquarters, a site or data in this country.</Text>
        </Group>
      ) : (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {partners.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${p.id}`} fw={600} size="sm">
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={p.status as PartnerStatus} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.via.map((v) => (
                      <Badge key={v} size="sm" variant="outline" color="gray">
                        {VIA[v] ?? v}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
