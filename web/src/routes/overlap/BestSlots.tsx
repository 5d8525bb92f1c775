import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { type BestSlot, formatMinutes } from "./queries";

/** The recurring shared windows, longest and most frequent first, in UTC and both local times. */
export function BestSlots(props: { slots: BestSlot[]; aLabel: string; bLabel: string }) {
  if (props.slots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No shared working time, so no meeting slot fits both sites' hours.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.aLabel}</Table.Th>
            <Table.Th>{props.bLabel}</Table.Th>
            <Table.Th>UTC</Table.Th>
            <Table.Th>Length</Table.Th>
            <Table.Th>Recurs</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.slots.map((s) => (
            <Table.Tr key={`${s.startUtc}-${s.endUtc}-${s.a.start}`}>
              <Table.Td fw={600}>
                {s.a.start}–{s.a.end}
              </Table.Td>
              <Table.Td fw={600}>
                {s.b.start}–{s.b.end}
              </Table.Td>
              <Table.Td c="dimmed">
                {s.startUtc}–{s.endUtc}
              </Table.Td>
              <Table.Td>{formatMinutes(s.minutes)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge size="sm" variant="light" color="gray">
                    {s.occurrences} day{s.occurrences === 1 ? "" : "s"}
                  </Badge>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Holidays on either side within the period, one line per date. */
export function HolidayList(props: {
  days: { date: string; holidays: { side: "a" | "b"; name: string }[] }[];
  aLabel: string;
  bLabel: string;
  format: (date: string) => string;
}) {
  const withHolidays = props.days.filter((d) => d.holidays.length > 0);
  if (withHolidays.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No public holidays on either side in this period.
      </Text>
    );
  return (
    <Stack gap={4}>
      {withHolidays.map((d) => (
        <Group key={d.date} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} w={90} style={{ flexShrink: 0 }}>
            {props.format(d.date)}
          </Text>
          <Text size="sm">
            {d.holidays.map((h) => `${h.name} (${h.side === "a" ? props.aLabel : props.bLabel})`).join(" · ")}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
