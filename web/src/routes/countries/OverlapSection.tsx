import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconClockHour4, IconMapPin } from "@tabler/icons-react";
import { useQueries } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Empty, ErrorState } from "../../components/States";
import { PairTimeline } from "../overlap/PairTimeline";
import {
  formatMinutes,
  partnerOverlapQuery,
  RISK_COLORS,
  RISK_LABELS,
  useOrgSites,
} from "../overlap/queries";
import type { CountryProfile } from "./queries";

/**
 * Working-time overlap between our sites and our partners' sites in this country: one compact row
 * per site pair with its risk, average shared time and the 24-hour timeline.
 */
export function CountryOverlapSection({
  code,
  name,
  partners,
}: {
  code: string;
  name: string;
  partners: CountryProfile["partners"];
}) {
  const withSites = partners.filter((p) => p.via.includes("site"));
  const ourSites = useOrgSites();
  const overlaps = useQueries({ queries: withSites.map((p) => partnerOverlapQuery(p.id)) });
  const failed = overlaps.find((q) => q.isError);

  let body: React.ReactNode;
  if (ourSites.isError || failed) {
    const retry = () => {
      if (ourSites.isError) void ourSites.refetch();
      for (const q of overlaps) if (q.isError) void q.refetch();
    };
    body = (
      <ErrorState error={ourSites.error ?? failed?.error} onRetry={retry} title="Could not load overlap" />
    );
  } else if (ourSites.isPending || overlaps.some((q) => q.isPending)) {
    body = <Skeleton height={160} radius="md" />;
  } else if (ourSites.data.items.length === 0) {
    body = (
      <Card p={0} withBorder>
        <Empty
          icon={<IconClockHour4 size={26} />}
          title="Add our sites first"
          description="Overlap compares partner sites with our own offices, and none are set up yet."
          actions={
            <Button component={Link} to="/admin/sites">
              Go to our sites
            </Button>
          }
        />
      </Card>
    );
  } else {
    const rows = withSites.flatMap((partner, i) =>
      (overlaps[i]?.data?.pairs ?? [])
        .filter((pair) => pair.partnerSite.country.toUpperCase() === code)
        .map((pair) => ({ partner, pair })),
    );
    body =
      rows.length === 0 ? (
        <Card p={0} withBorder>
          <Empty
            icon={<IconMapPin size={26} />}
            title={`No partner sites in ${name}`}
            description="None of your partners has a site with working hours here."
          />
        </Card>
      ) : (
        <Stack gap="sm">
          {rows.map(({ partner, pair }) => (
            <Card key={`${pair.organizationSite.id}-${pair.partnerSite.id}`} withBorder padding="md">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={0}>
                    <Text fw={600}>
                      {pair.organizationSite.name} ↔ {pair.partnerSite.name}
                    </Text>
                    <Anchor component={Link} to={`/partners/${partner.id}/overlap`} size="sm">
                      {partner.name}
                    </Anchor>
                  </Stack>
                  <Group gap="md" align="center">
                    <Stack gap={0} align="flex-end">
                      <Text fw={700} lh={1.1}>
                        {formatMinutes(pair.averageOverlapMinutesPerWorkingDay)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        shared per working day
                      </Text>
                    </Stack>
                    <Badge variant="light" color={RISK_COLORS[pair.risk]}>
                      {RISK_LABELS[pair.risk]}
                    </Badge>
                  </Group>
                </Group>
                <PairTimeline pair={pair} />
              </Stack>
            </Card>
          ))}
        </Stack>
      );
  }

  return (
    <Stack gap="xs" mt="lg">
      <div>
        <Title order={4}>Working-time overlap</Title>
        <Text size="sm" c="dimmed">
          Our sites against our partners' sites in {name}, over the next 30 days. Timelines show the busiest
          common working day, in UTC.
        </Text>
      </div>
      {body}
    </Stack>
  );
}
