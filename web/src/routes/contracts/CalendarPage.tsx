import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconCalendarOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import dayjs from "dayjs";
import { NOTICE_DUE_SOON_DAYS } from "../../../../domain/contract-terms";
import { addDays, todayUtc } from "../../../../domain/time";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden } from "../../components/States";
import { formatDate } from "../../lib/format";
import { CONTRACT_TYPE_LABELS } from "./labels";
import type { RenewalEvent } from "./queries";
import { calendarQuery } from "./queries";

/** Events grouped by calendar month ("2026-12"), in date order. */
function byMonth(events: RenewalEvent[]): [string, RenewalEvent[]][] {
  const months = new Map<string, RenewalEvent[]>();
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = e.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  return [...months];
}

function EventRow({ event, today }: { event: RenewalEvent; today: string }) {
  const notice = event.kind === "notice_deadline";
  const soon = notice && event.date <= addDays(today, NOTICE_DUE_SOON_DAYS);
  return (
    <Table.Tr>
      <Table.Td w={120} fz="sm" fw={soon ? 700 : undefined} c={soon ? "orange.8" : undefined}>
        {formatDate(event.date)}
      </Table.Td>
      <Table.Td w={150}>
        <Tooltip
          label={
            notice
              ? event.autoRenewal
                ? "Last day to give notice before the contract renews automatically"
                : "Last day to give notice under the contract's notice period"
              : "The current term ends"
          }
          openDelay={200}
        >
          <Badge variant="light" color={notice ? "orange" : "gray"}>
            {notice ? "Notice deadline" : "Term ends"}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/contracts/${event.contract.id}`} size="sm" fw={600}>
          {event.contract.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {CONTRACT_TYPE_LABELS[event.contract.type]} · {event.partner.name}
          {event.autoRenewal ? " · auto-renews" : ""}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The renewal calendar: notice deadlines and term ends of the next twelve months, month by month. */
export function CalendarPage() {
  const me = useMe();
  const today = todayUtc();
  const to = addDays(today, 365);
  const allowed = can(me, "contract", "read");
  const calendar = useQuery({ ...calendarQuery(today, to), enabled: allowed });
  if (!allowed) return <Forbidden />;
  const months = byMonth(calendar.data?.items ?? []);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Contracts", to: "/contracts" }, { label: "Renewal calendar" }]}
        title="Renewal calendar"
        description={`Notice deadlines and term ends from ${formatDate(today)} to ${formatDate(to)}. Miss a notice deadline and an auto-renewing contract binds you for another term.`}
      />
      {calendar.isError ? (
        <ErrorState
          error={calendar.error}
          onRetry={() => calendar.refetch()}
          title="Could not load the calendar"
        />
      ) : calendar.isPending ? (
        <Stack>
          <Skeleton height={160} />
          <Skeleton height={160} />
        </Stack>
      ) : months.length === 0 ? (
        <Card>
          <Empty
            icon={<IconCalendarOff size={28} />}
            title="Nothing due in the next twelve months"
            description="No contract ends and no notice deadline falls within a year."
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          {months.map(([month, events]) => (
            <Card key={month} p={0}>
              <Group justify="space-between" px="md" py="sm">
                <Title order={5}>{dayjs(`${month}-01`).format("MMMM YYYY")}</Title>
                <Text size="xs" c="dimmed">
                  {events.length} {events.length === 1 ? "date" : "dates"}
                </Text>
              </Group>
              <Table className="data-table">
                <Table.Tbody>
                  {events.map((e) => (
                    <EventRow key={`${e.kind}-${e.contract.id}-${e.date}`} event={e} today={today} />
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
