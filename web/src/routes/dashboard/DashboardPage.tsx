import { Button, Card, Code, Grid, Group, SimpleGrid, Skeleton, Title, useMantineTheme } from "@mantine/core";
import {
  IconBuildingSkyscraper,
  IconCircleCheck,
  IconFlame,
  IconLock,
  IconPlus,
  IconProgress,
} from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ActivityFeed } from "../../components/ActivityFeed";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState } from "../../components/States";
import { ChartCard, SectionHeader, Stat } from "./cards";
import { categoryChart, countryChart, statusChart, TOP_COUNTRIES } from "./charts";
import { EChart } from "./EChart";
import { RiskSection } from "./RiskSection";
import { usePartnerStats } from "./useDashboardData";

const PIPELINE = ["identified", "due_diligence", "contracting", "onboarding"] as const;

/**
 * The overview: headline partner figures, then the risk register at a glance, then partners by
 * lifecycle, country and category with recent activity.
 */
export function DashboardPage() {
  const me = useMe();
  const theme = useMantineTheme();
  const canRead = can(me, "partner", "read");
  const stats = usePartnerStats(canRead);
  const data = stats.data;
  const charts = useMemo(
    () =>
      data
        ? {
            status: statusChart(data, theme),
            country: countryChart(data, theme),
            category: categoryChart(data, theme),
          }
        : null,
    [data, theme],
  );
  const firstName = me.user.name.split(" ")[0];
  const figure = (n: number | undefined) =>
    n === undefined ? <Skeleton h={36} w={60} /> : n.toLocaleString();
  // Undefined while loading (the figure shows a skeleton); the server lists every status and criticality.
  const active = data && (data.byStatus.active ?? 0);
  const pipeline = data && PIPELINE.reduce((n, s) => n + (data.byStatus[s] ?? 0), 0);
  const criticalServices = data && (data.services.byCriticality.critical ?? 0);
  const criticalPartners = data?.services.partnersWithCritical;

  const header = (
    <PageHeader
      title={`Welcome, ${firstName}`}
      description={`Outsourcing at ${me.organization.name} at a glance.`}
    />
  );
  if (!canRead)
    return (
      <>
        {header}
        <Card>
          <Empty
            icon={<IconLock size={26} />}
            title="Nothing to show here"
            description="The dashboard summarizes the partner registry, which your role does not give access to."
          />
        </Card>
      </>
    );
  if (stats.isError)
    return (
      <>
        {header}
        <ErrorState
          error={stats.error}
          title="Could not load the dashboard"
          onRetry={() => stats.refetch()}
        />
      </>
    );
  if (data?.total === 0) {
    return (
      <>
        {header}
        <Card>
          <Empty
            icon={<IconBuildingSkyscraper size={28} />}
            title="No partners yet"
            description={
              <>
                The dashboard fills in as you record partners, their services and sites. To explore with
                sample data, run <Code>npm run outsight -- demo</Code> on the server.
              </>
            }
            actions={
              can(me, "partner", "create") && (
                <Button component={Link} to="/partners/new" leftSection={<IconPlus size={16} />}>
                  Add your first partner
                </Button>
              )
            }
          />
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} mb="lg">
        <Stat
          icon={IconBuildingSkyscraper}
          color="brand"
          label="Partners"
          value={figure(data?.total)}
          hint="In the registry"
        />
        <Stat
          icon={IconCircleCheck}
          color="teal"
          label="Active"
          value={figure(active)}
          hint="Delivering under contract"
        />
        <Stat
          icon={IconProgress}
          color="yellow"
          label="In the pipeline"
          value={figure(pipeline)}
          hint="Identified to onboarding"
        />
        <Stat
          icon={IconFlame}
          color="red"
          label="Critical services"
          value={figure(criticalServices)}
          hint={`At ${criticalPartners?.toLocaleString() ?? "…"} partner${criticalPartners === 1 ? "" : "s"}`}
        />
      </SimpleGrid>
      {/* Risk first: it is what the product is for; the registry's make-up follows. */}
      <RiskSection />
      <SectionHeader title="Partners">
        <Button component={Link} to="/partners" variant="subtle" size="xs">
          Open the registry
        </Button>
      </SectionHeader>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ChartCard title="Partners by lifecycle status">
            {charts ? <EChart option={charts.status} /> : <Skeleton h={260} />}
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ChartCard title="Partners by category">
            {charts ? <EChart option={charts.category} /> : <Skeleton h={260} />}
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: can(me, "audit", "read") ? 5 : 12 }}>
          <ChartCard
            title="Top countries"
            fill={320}
            hint={
              data && data.byCountry.length > TOP_COUNTRIES
                ? `${TOP_COUNTRIES} of ${data.byCountry.length} countries`
                : undefined
            }
          >
            {charts ? (
              <EChart option={charts.country} height="fill" />
            ) : (
              <Skeleton style={{ position: "absolute", inset: 0 }} />
            )}
          </ChartCard>
        </Grid.Col>
        {can(me, "audit", "read") && (
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card h="100%">
              <Group justify="space-between" mb="md">
                <Title order={5}>Recent activity</Title>
                <Button component={Link} to="/admin/audit" variant="subtle" size="xs">
                  Open audit log
                </Button>
              </Group>
              <ActivityFeed filter={{}} pageSize={7} showChanges={false} hideSignIns />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
