import { Badge, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { flagEmoji, localTimeIn } from "../../lib/format";
import { countryRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { CountryPartnersCard, DataProtectionCard } from "./ContextCards";
import { IndicatorCard } from "./IndicatorCard";
import { CountryOverlapSection } from "./OverlapSection";
import { OverrideCard } from "./OverrideCard";
import { countryQuery } from "./queries";
import { Attribution, canOverride, RiskBadge } from "./shared";

/** The country's time zones with their local time now; long lists collapse into a tooltip. */
function TimeZones({ zones }: { zones: string[] }) {
  if (zones.length === 0) return <>no time zone</>;
  const label = (tz: string) => `${tz.replace(/_/g, " ")} (${localTimeIn(tz)})`;
  const shown = zones.slice(0, 2).map(label).join(", ");
  if (zones.length <= 2) return <>{shown}</>;
  return (
    <Tooltip label={zones.map(label).join(" · ")} multiline w={420}>
      <Text span inherit style={{ textDecoration: "underline dotted" }}>
        {shown} +{zones.length - 2} more
      </Text>
    </Tooltip>
  );
}

/** One country: governance figures with their trend, risk, data protection, our partners and notes. */
export function CountryPage() {
  const me = useMe();
  const { code } = countryRoute.useParams();
  const upper = code.toUpperCase();
  const country = useQuery(countryQuery(upper));

  if (isApiError(country.error, 404) || isApiError(country.error, 400))
    return <NotFoundPage what="country" />;
  if (country.isError)
    return (
      <ErrorState
        error={country.error}
        onRetry={() => country.refetch()}
        title="Could not load the country"
      />
    );
  const c = country.data;
  const crumbs = [{ label: "Countries", to: "/countries" }, { label: c?.name ?? upper }];
  if (!c)
    return (
      <>
        <PageHeader crumbs={crumbs} title={<Skeleton height={30} width={260} />} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} height={220} radius="md" />
          ))}
        </SimpleGrid>
      </>
    );

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Group gap="sm" component="span">
            <span aria-hidden>{flagEmoji(c.code)}</span>
            {c.name}
            <RiskBadge level={c.risk.level} size="lg" />
            {c.override?.sanctioned && (
              <Badge color="red" size="lg" variant="outline">
                Sanctions
              </Badge>
            )}
          </Group>
        }
        description={
          <>
            {c.code} · {c.region ?? "No region"} · <TimeZones zones={c.timeZones} /> · {c.partnerCount}{" "}
            partner
            {c.partnerCount === 1 ? "" : "s"}, {c.serviceCount} service{c.serviceCount === 1 ? "" : "s"}
          </>
        }
      />
      <Card p="md" withBorder mb="lg">
        <Text fw={600} mb={4}>
          Why {c.risk.level ? "this risk level" : "no risk level"}
        </Text>
        <List size="sm" spacing={2}>
          {c.risk.explanation.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="xs">
          Derived from the six percentiles with your organization's risk weights.
        </Text>
      </Card>
      <Stack gap="xs" mb="lg">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>Governance indicators</Title>
          <Attribution attribution={c.attribution} year={c.year} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {c.indicators.map((entry) => (
            <IndicatorCard key={entry.indicator} entry={entry} />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Percentile rank among all countries (0 lowest, 100 highest); the shaded band is the 90% interval the
          World Bank gives.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <OverrideCard country={c} canEdit={canOverride(me)} />
        <DataProtectionCard dp={c.dataProtection} />
      </SimpleGrid>
      <CountryPartnersCard partners={c.partners} />
      <CountryOverlapSection code={c.code} name={c.name} partners={c.partners} />
    </>
  );
}
