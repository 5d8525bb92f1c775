import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconBuildingSkyscraper, IconInfoCircle, IconSitemap } from "@tabler/icons-react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden } from "../../components/States";
import { ConcentrationControls } from "./ConcentrationControls";
import { chartHeight } from "./charts";
import { type DimensionKind, HhiCard, ShareChartCard, ShareTable } from "./DimensionParts";
import { FlagCards } from "./FlagCards";
import {
  type Concentration,
  type DimensionResult,
  formatShare,
  formatWeight,
  useConcentration,
} from "./queries";
import { canReadConcentration, resolveSearch } from "./search";

const PARTNERS: [string, string] = ["partner", "partners"];
const COUNTRIES: [string, string] = ["country", "countries"];

/** Charts side by side, then the tables side by side, for one pair of dimensions. */
function DimensionPair({
  pair,
  titles,
  columns,
  threshold,
  showWeight,
}: {
  pair: [DimensionResult, DimensionResult];
  titles: [string, string];
  columns: [string, string];
  threshold: number;
  showWeight: boolean;
}) {
  const kinds: DimensionKind[] = ["partner", "country"];
  const height = chartHeight(Math.max(pair[0].items.length, pair[1].items.length));
  return (
    <Grid gap="lg">
      {pair.map((dim, i) => (
        <Grid.Col key={kinds[i]} span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <ShareChartCard title={titles[i]} dim={dim} threshold={threshold} height={height} />
            <ShareTable
              dim={dim}
              kind={kinds[i]}
              label={columns[i]}
              threshold={threshold}
              showWeight={showWeight}
            />
          </Stack>
        </Grid.Col>
      ))}
    </Grid>
  );
}

function HhiExplainer({ data }: { data: Concentration | undefined }) {
  const moderate = data?.bands.moderateFrom ?? 1500;
  const high = data?.bands.highAbove ?? 2500;
  return (
    <Group gap={6} wrap="nowrap" mt="sm" mb="lg" c="dimmed">
      <IconInfoCircle size={16} style={{ flexShrink: 0 }} />
      <Text size="sm">
        The Herfindahl–Hirschman index (HHI) is the sum of the squared % shares, from 0 to 10,000 (one carrier
        with everything): below {moderate.toLocaleString("en")} unconcentrated, above{" "}
        {high.toLocaleString("en")} highly concentrated.
      </Text>
    </Group>
  );
}

function SectionTitle({ title, description }: { title: string; description: React.ReactNode }) {
  return (
    <Stack gap={2} mt="xl" mb="md">
      <Title order={3} fz={20}>
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {description}
      </Text>
    </Stack>
  );
}

/** Where our critical work sits: shares and HHI per partner and country, directly and through fourth parties. */
export function ConcentrationPage() {
  const me = useMe();
  const allowed = canReadConcentration(me);
  const search = useSearch({ from: "/app/concentration" });
  const navigate = useNavigate({ from: "/concentration" });
  const params = resolveSearch(search);
  const query = useConcentration(params, allowed);
  const data = query.data;

  const header = (
    <PageHeader
      title="Concentration"
      description="How much of our outsourced work one partner, one country or one sub-contractor carries."
    />
  );
  if (!allowed)
    return (
      <>
        {header}
        <Card>
          <Forbidden />
        </Card>
      </>
    );

  const onChange = (patch: Partial<typeof params>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const threshold = data?.scope.threshold ?? params.threshold;
  const showWeight = params.weighting === "critical2x" || params.by === "dataLocation";
  const direct = data?.flags.filter((f) => f.dimension === "partner" || f.dimension === "country") ?? [];
  const fourth = data?.flags.filter((f) => !direct.includes(f)) ?? [];
  const clear = `No partner or country carries more than ${formatShare(threshold)} of ${data?.scope.label ?? "these services"}, and no index exceeds ${(data?.bands.highAbove ?? 2500).toLocaleString("en")}.`;

  let body: React.ReactNode;
  if (query.isError && !data) {
    body = (
      <ErrorState error={query.error} title="Could not load the analysis" onRetry={() => query.refetch()} />
    );
  } else if (!data) {
    body = (
      <>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <HhiCard label="HHI by partner" dim={undefined} noun={PARTNERS} />
          <HhiCard label="HHI by country" dim={undefined} noun={COUNTRIES} />
          <Skeleton h={112} radius="md" />
        </SimpleGrid>
        <Grid gap="lg" mt="xl">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Skeleton h={320} radius="md" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Skeleton h={320} radius="md" />
          </Grid.Col>
        </Grid>
      </>
    );
  } else if (data.scope.services === 0) {
    body = (
      <Card>
        <Empty
          icon={<IconBuildingSkyscraper size={28} />}
          title={`No ${data.scope.label} yet`}
          description="Concentration is measured over the services recorded at partners. Record services (and their criticality and data locations) on the partner pages, or widen the scope above."
          actions={
            <Button component={Link} to="/partners" variant="light">
              Go to partners
            </Button>
          }
        />
      </Card>
    );
  } else {
    const fp = data.fourthParties;
    body = (
      <div
        style={{
          opacity: query.isFetching && query.isPlaceholderData ? 0.6 : 1,
          transition: "opacity 150ms",
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <HhiCard label="HHI by partner" dim={data.byPartner} noun={PARTNERS} />
          <HhiCard label="HHI by country" dim={data.byCountry} noun={COUNTRIES} />
          <Paper withBorder p="md" h="100%">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
              Services in scope
            </Text>
            <Text fz={30} fw={700} lh={1.2} mt={4}>
              {data.scope.services.toLocaleString("en")}
            </Text>
            <Text size="xs" c="dimmed">
              {data.scope.label[0].toUpperCase() + data.scope.label.slice(1)}
              {data.scope.weighting === "critical2x" && ` · weight ${formatWeight(data.scope.weight)}`}
            </Text>
          </Paper>
        </SimpleGrid>
        <HhiExplainer data={data} />
        <FlagCards flags={direct} threshold={threshold} clearText={clear} />
        <SectionTitle
          title="Shares"
          description={
            params.by === "dataLocation"
              ? "A service counts for the countries where its data sits (split equally), or its partner's country when none is recorded."
              : "A service counts for its partner's country."
          }
        />
        <DimensionPair
          pair={[data.byPartner, data.byCountry]}
          titles={["Share by partner", "Share by country"]}
          columns={["Partner", "Country"]}
          threshold={threshold}
          showWeight={showWeight}
        />
        <SectionTitle
          title="Through sub-contractors (fourth parties)"
          description={`${fp.services.toLocaleString("en")} of ${data.scope.services.toLocaleString("en")} services in scope have a known sub-contractor. A service counts once for each fourth party carrying it; countries are the fourth parties' own.`}
        />
        {fp.services === 0 ? (
          <Card>
            <Empty
              icon={<IconSitemap size={26} />}
              title="No fourth parties recorded"
              description={
                <>
                  Record the sub-contractors your partners rely on (a partner's{" "}
                  <Anchor component={Link} to="/partners">
                    Sub-contractors
                  </Anchor>{" "}
                  tab) to see concentration beyond your direct partners.
                </>
              }
            />
          </Card>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
              <HhiCard
                label="HHI by fourth party"
                dim={fp.byPartner}
                noun={["fourth party", "fourth parties"]}
              />
              <HhiCard label="HHI by fourth-party country" dim={fp.byCountry} noun={COUNTRIES} />
            </SimpleGrid>
            <FlagCards
              flags={fourth}
              threshold={threshold}
              clearText={`No fourth party or country of theirs carries more than ${formatShare(threshold)}.`}
            />
            <div style={{ height: "var(--mantine-spacing-lg)" }} />
            <DimensionPair
              pair={[fp.byPartner, fp.byCountry]}
              titles={["Share by fourth party", "Share by fourth-party country"]}
              columns={["Fourth party", "Country"]}
              threshold={threshold}
              showWeight={params.weighting === "critical2x"}
            />
          </>
        )}
      </div>
    );
  }

  return (
    <>
      {header}
      <ConcentrationControls params={params} onChange={onChange} />
      {query.isError && data && (
        <ErrorState
          error={query.error}
          title="Could not refresh the analysis"
          onRetry={() => query.refetch()}
        />
      )}
      {body}
    </>
  );
}
