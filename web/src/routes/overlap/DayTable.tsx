import { Badge, Card, Stack, Table, Text } from "@mantine/core";
import { shortDate } from "../../lib/shifts";
import { formatMinutes, type OverlapDay } from "./queries";

/** One row per UTC date: overlap, shared windows in both local times, holidays. Rows pick the timeline day. */
export function DayTable(props: {
  days: OverlapDay[];
  selected: string | null;
  onSelect: (date: string) => void;
  aLabel: string;
  bLabel: string;
}) {
  return (
    <Card p={0} withBorder radius="md" className="table-card">
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover fz="sm">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Date (UTC)</Table.Th>
              <Table.Th>Overlap</Table.Th>
              <Table.Th>{props.aLabel} (local)</Table.Th>
              <Table.Th>{props.bLabel} (local)</Table.Th>
              <Table.Th>Holidays</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.days.map((d) => (
              <Table.Tr
                key={d.date}
                onClick={() => props.onSelect(d.date)}
                bg={d.date === props.selected ? "blue.0" : undefined}
                style={{ cursor: "pointer" }}
                aria-selected={d.date === props.selected}
              >
                <Table.Td fw={600}>{shortDate(d.date)}</Table.Td>
                <Table.Td>
                  {d.workingDay ? (
                    <Text size="sm" fw={500} c={d.overlapMinutes === 0 ? "red" : undefined}>
                      {formatMinutes(d.overlapMinutes)}
                    </Text>
                  ) : (
                    <Badge size="sm" variant="light" color="gray">
                      Not a common working day
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {d.windows.map((w) => (
                      <span key={w.startUtc}>
                        {w.a.start}–{w.a.end}
                      </span>
                    ))}
                    {d.windows.length === 0 && "—"}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {d.windows.map((w) => (
                      <span key={w.startUtc}>
                        {w.b.start}–{w.b.end}
                      </span>
                    ))}
                    {d.windows.length === 0 && "—"}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {d.holidays.map((h) => (
                    <Text key={`${h.side}-${h.name}`} size="xs">
                      {h.name} ({h.side === "a" ? props.aLabel : props.bLabel})
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
