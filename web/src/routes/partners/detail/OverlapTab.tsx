import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconClockHour4, IconMapPin } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { Empty, ErrorState } from "../../../components/States";
import { shortDate } from "../../../lib/shifts";
import { partnerRoute } from "../../../router";
import { BestSlots, HolidayList } from "../../overlap/BestSlots";
import { PairTimeline } from "../../overlap/PairTimeline";
import {
  formatMinutes,
  RISK_COLORS,
  RISK_LABELS,
  type SitePair,
  useOrgSites,
  usePartnerOverlap,
} from "../../overlap/queries";

function PairCard({ pair }: { pair: SitePair }) {
  const ours = pair.organizationSite;
  const theirs = pair.partnerSite;
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text fw={700}>
              {ours.name} ↔ {theirs.name}
            </Text>
            <Text size="sm" c="dimmed">
              {ours.city} ({ours.timeZone}, {ours.workingHours.start}–{ours.workingHours.end}) · {theirs.city}{" "}
              ({theirs.timeZone}, {theirs.workingHours.start}–{theirs.workingHours.end})
            </Text>
          </Stack>
          <Group gap="lg" align="center">
            <Stack gap={0} align="flex-end">
              <Text fw={700} fz="xl" lh={1.1}>
                {formatMinutes(pair.averageOverlapMinutesPerWorkingDay)}
              </Text>
              <Text size="xs" c="dimmed">
                shared per working day · {pair.workingDays} working days
              </Text>
            </Stack>
            <Badge size="lg" variant="light" color={RISK_COLORS[pair.risk]}>
              {RISK_LABELS[pair.risk]}
            </Badge>
          </Group>
        </Group>
        <PairTimeline pair={pair} />
        <div>
          <Text size="sm" fw={600} mb={4}>
            Best meeting slots
          </Text>
          <BestSlots
            slots={pair.bestSlots}
            aLabel={`${ours.name} (local)`}
            bLabel={`${theirs.name} (local)`}
          />
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Holidays in the next {pair.days.length} days
          </Text>
          <HolidayList days={pair.days} aLabel={ours.name} bLabel={theirs.name} format={shortDate} />
        </div>
      </Stack>
    </Card>
  );
}

/** Working-time overlap of each partner site with each of our sites over the next 30 days. */
export function OverlapTab() {
  const { partnerId } = partnerRoute.useParams();
  const overlap = usePartnerOverlap(partnerId);
  const ourSites = useOrgSites();
  if (overlap.isError)
    return (
      <ErrorState error={overlap.error} onRetry={() => overlap.refetch()} title="Could not load overlap" />
    );
  if (overlap.isPending || ourSites.isPending) return <Skeleton height={320} radius="md" />;
  const data = overlap.data;
  if (data.pairs.length === 0) {
    const noOurs = (ourSites.data?.items.length ?? 0) === 0;
    return (
      <Card p={0}>
        <Empty
          icon={noOurs ? <IconClockHour4 size={26} /> : <IconMapPin size={26} />}
          title={noOurs ? "Add our sites first" : "This partner has no sites yet"}
          description={
            noOurs
              ? "Overlap compares the partner's sites with our own offices, and none are set up yet."
              : "Add the partner's sites with their time zone and working hours to see the overlap."
          }
          actions={
            noOurs ? (
              <Button component={Link} to="/admin/sites">
                Go to our sites
              </Button>
            ) : (
              <Button component={Link} to={`/partners/${partnerId}/sites`}>
                Go to sites
              </Button>
            )
          }
        />
      </Card>
    );
  }
  const t = data.thresholds;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={4}>Working-time overlap</Title>
          <Text size="sm" c="dimmed">
            Next {data.days} days from {shortDate(data.from)}. Risk is low from{" "}
            {formatMinutes(t.lowRiskMinMinutes)} shared per working day, medium from{" "}
            {formatMinutes(t.mediumRiskMinMinutes)}, high below. Timelines show the busiest common working
            day, in UTC.
          </Text>
        </div>
        <Anchor component={Link} to="/overlap" size="sm">
          Open the overlap planner
        </Anchor>
      </Group>
      {data.pairs.map((p) => (
        <PairCard key={`${p.organizationSite.id}-${p.partnerSite.id}`} pair={p} />
      ))}
    </Stack>
  );
}
