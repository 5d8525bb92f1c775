import {
  Alert,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Text,
  ThemeIcon,
  Title,
  useMantineTheme,
} from "@mantine/core";
import {
  type Icon,
  IconAlertTriangle,
  IconBuildingSkyscraper,
  IconCircleCheck,
  IconFlame,
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
import { categoryChart, countryChart, statusChart } from "./charts";
import { EChart } from "./EChart";
import { useAllPartners, useCriticalServiceCount } from "./useDashboardData";

function Stat({
  icon: I,
  color,
  label,
  value,
  hint,
}: {
  icon: Icon;
  color: string;
  label: string;
  value: React.ReactNode;
  hint?: string;
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
            {label}
          </Text>
          <Text fz={30} fw={700} lh={1.2} mt={4}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        <ThemeIcon size={40} radius="md" variant="light" color={color}>
          <I size={22} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card h="100%">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The overview: partner counts by lifecycle, country and category, critical services and recent activity. */
export function DashboardPage() {
  const me = useMe();
  const theme = useMantineTheme();
  const canRead = can(me, "partner", "read");
  const partners = useAllPartners(canRead);
  const items = partners.data?.items;
  const critical = useCriticalServiceCount(items);
  const charts = useMemo(
    () =>
      items
        ? {
            status: statusChart(items, theme),
            country: countryChart(items, theme),
            category: categoryChart(items, theme),
          }
        : null,
    [items, theme],
  );
  const firstName = me.user.name.split(" ")[0];
  const active = items?.filter((p) => p.status === "active").length ?? 0;
  const pipeline =
    items?.filter((p) => ["identified", "due_diligence", "contracting", "onboarding"].includes(p.status))
      .length ?? 0;
  const criticalPartners = items?.filter((p) => p.highestCriticality === "critical").length ?? 0;

  const header = (
    <PageHeader
      title={`Welcome, ${firstName}`}
      description={`Outsourcing at ${me.organization.name} at a glance.`}
    />
  );
  if (partners.isError)
    return (
      <>
        {header}
        <ErrorState error={partners.error} onRetry={() => partners.refetch()} />
      </>
    );
  if (items && items.length === 0) {
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
      {partners.data?.truncated && (
        <Alert color="yellow" mb="md" icon={<IconAlertTriangle size={18} />}>
          Showing figures for the first {items?.length.toLocaleString()} partners.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} mb="lg">
        <Stat
          icon={IconBuildingSkyscraper}
          color="brand"
          label="Partners"
          value={items ? items.length : <Skeleton h={36} w={60} />}
          hint="In the registry"
        />
        <Stat
          icon={IconCircleCheck}
          color="teal"
          label="Active"
          value={items ? active : <Skeleton h={36} w={60} />}
          hint="Delivering under contract"
        />
        <Stat
          icon={IconProgress}
          color="yellow"
          label="In the pipeline"
          value={items ? pipeline : <Skeleton h={36} w={60} />}
          hint="Identified to onboarding"
        />
        <Stat
          icon={IconFlame}
          color="red"
          label="Critical services"
          value={
            critical.data ? (
              `${critical.data.count}${critical.data.capped ? "+" : ""}`
            ) : (
              <Skeleton h={36} w={60} />
            )
          }
          hint={`At ${criticalPartners} partner${criticalPartners === 1 ? "" : "s"}`}
        />
      </SimpleGrid>
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
          <ChartCard title="Top countries">
            {charts ? <EChart option={charts.country} height={300} /> : <Skeleton h={300} />}
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
