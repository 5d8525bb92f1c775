import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconArrowsLeftRight } from "@tabler/icons-react";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { BROWSER_TIME_ZONE } from "../../lib/countries";
import { shortDate, todayUtc } from "../../lib/shifts";
import { BestSlots, HolidayList } from "./BestSlots";
import { DayTable } from "./DayTable";
import { formatMinutes, type OverlapRequest, useOrgSites, useOverlapCalc } from "./queries";
import {
  blankSide,
  type ResolvedSide,
  resolveSide,
  SidePicker,
  type SideState,
  usePartnerOptions,
  usePartnerSites,
} from "./SidePicker";
import { Timeline } from "./Timeline";

const MAX_DAYS = 366;

interface Submitted {
  body: OverlapRequest;
  a: ResolvedSide;
  b: ResolvedSide;
}

/** Compare the working hours of any two sites (or hand-entered hours) over a chosen period. */
export function PlannerPage() {
  const ourSites = useOrgSites();
  const partners = usePartnerOptions();
  const [a, setA] = useState<SideState>(() => blankSide("ours"));
  const [b, setB] = useState<SideState>(() => blankSide("partner", BROWSER_TIME_ZONE));
  const [from, setFrom] = useState<string | null>(todayUtc());
  const [days, setDays] = useState<number | string>(14);
  const [showErrors, setShowErrors] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const sitesA = usePartnerSites(a.mode === "partner" ? a.partnerId : null);
  const sitesB = usePartnerSites(b.mode === "partner" ? b.partnerId : null);
  const ours = ourSites.data?.items ?? [];
  const resolvedA = resolveSide(a, ours, sitesA);
  const resolvedB = resolveSide(b, ours, sitesB);
  const dayCount = typeof days === "number" ? days : Number.NaN;
  const daysError =
    Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= MAX_DAYS ? undefined : `1 to ${MAX_DAYS} days`;
  const fromError = from ? undefined : "Choose a start date";
  const result = useOverlapCalc(submitted?.body ?? null);

  const compare = () => {
    setShowErrors(true);
    if (!resolvedA || !resolvedB || daysError || fromError || !from) return;
    const side = (r: ResolvedSide) => ({
      timeZone: r.timeZone,
      workingHours: r.workingHours,
      country: r.country,
    });
    setSubmitted({
      body: { a: side(resolvedA), b: side(resolvedB), from, days: dayCount },
      a: resolvedA,
      b: resolvedB,
    });
    setSelected(null);
  };

  const data = result.data;
  const firstWorking = data?.days.find((d) => d.workingDay) ?? data?.days[0];
  const day = data?.days.find((d) => d.date === selected) ?? firstWorking;
  return (
    <>
      <PageHeader
        title="Overlap planner"
        description="How much working time two sites share, day by day, and when to meet."
        crumbs={[{ label: "Partners", to: "/partners" }, { label: "Overlap planner" }]}
      />
      <Card withBorder padding="lg" radius="md" mb="lg">
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            {[
              { title: "Site A", value: a, set: setA, sites: sitesA },
              { title: "Site B", value: b, set: setB, sites: sitesB },
            ].map((s) => (
              <SidePicker
                key={s.title}
                title={s.title}
                value={s.value}
                onChange={s.set}
                ourSites={ours}
                partnerSites={s.sites}
                partners={partners.data ?? []}
                showErrors={showErrors}
              />
            ))}
          </SimpleGrid>
          <Group align="flex-start" gap="md" wrap="wrap">
            <DatePickerInput
              label="From (UTC date)"
              value={from}
              onChange={setFrom}
              valueFormat="D MMM YYYY"
              w={180}
              error={showErrors ? fromError : undefined}
            />
            <NumberInput
              label="Days"
              value={days}
              onChange={setDays}
              min={1}
              max={MAX_DAYS}
              w={120}
              error={showErrors ? daysError : undefined}
            />
            <Button
              mt={25}
              leftSection={<IconArrowsLeftRight size={16} />}
              onClick={compare}
              loading={result.isFetching}
            >
              Compare
            </Button>
          </Group>
          {ourSites.isError && (
            <ErrorState
              error={ourSites.error}
              onRetry={() => ourSites.refetch()}
              title="Could not load our sites"
            />
          )}
        </Stack>
      </Card>
      {!submitted && (
        <Alert variant="light" color="gray">
          Choose two sites (or enter a time zone and hours), a start date and a number of days, then press
          Compare.
        </Alert>
      )}
      {submitted && result.isError && <ErrorState error={result.error} onRetry={() => result.refetch()} />}
      {submitted && data && (
        <Stack gap="lg">
          <Card withBorder padding="lg" radius="md">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Title order={4}>
                  {submitted.a.label} ↔ {submitted.b.label}
                </Title>
                <Group gap="lg">
                  <Summary
                    label="Average per working day"
                    value={formatMinutes(data.averageOverlapMinutesPerWorkingDay)}
                  />
                  <Summary label="Working days" value={String(data.workingDays)} />
                  <Summary label="Total shared" value={formatMinutes(data.totalOverlapMinutes)} />
                </Group>
              </Group>
              {day && <Timeline day={day} a={submitted.a} b={submitted.b} />}
              <Text size="xs" c="dimmed">
                Click a row below to show that day on the timeline.
              </Text>
            </Stack>
          </Card>
          <Stack gap="lg">
            <Card withBorder padding="lg" radius="md">
              <Text fw={600} mb="xs">
                Best meeting slots
              </Text>
              <BestSlots
                slots={data.bestSlots}
                aLabel={`${submitted.a.label} (local)`}
                bLabel={`${submitted.b.label} (local)`}
              />
            </Card>
            <Card withBorder padding="lg" radius="md">
              <Text fw={600} mb="xs">
                Holidays
              </Text>
              <HolidayList
                days={data.days}
                aLabel={submitted.a.label}
                bLabel={submitted.b.label}
                format={shortDate}
              />
            </Card>
          </Stack>
          <DayTable
            days={data.days}
            selected={day?.date ?? null}
            onSelect={setSelected}
            aLabel={submitted.a.label}
            bLabel={submitted.b.label}
          />
        </Stack>
      )}
    </>
  );
}

function Summary(props: { label: string; value: string }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text fw={700} fz="lg" lh={1.1}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </Stack>
  );
}
