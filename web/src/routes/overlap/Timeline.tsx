import { Box, Group, Stack, Text, Tooltip } from "@mantine/core";
import { type Hours, minuteOfDate, type Span, shiftsOnUtcDate, shortDate } from "../../lib/shifts";
import type { OverlapDay } from "./queries";

export interface TimelineSide {
  label: string;
  timeZone: string;
  workingHours: Hours;
}

const TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`;

function Row(props: { label: string; sub?: string; spans: Span[]; color: string; hint: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Stack gap={0} w={150} style={{ flexShrink: 0 }}>
        <Text size="xs" fw={600} truncate>
          {props.label}
        </Text>
        {props.sub && (
          <Text size="xs" c="dimmed" truncate>
            {props.sub}
          </Text>
        )}
      </Stack>
      <Box
        pos="relative"
        h={18}
        style={{ flex: 1, background: "var(--mantine-color-gray-1)", borderRadius: 4, overflow: "hidden" }}
      >
        {TICKS.slice(1, -1).map((t) => (
          <Box
            key={t}
            pos="absolute"
            top={0}
            bottom={0}
            style={{ left: `${(t / 24) * 100}%`, borderLeft: "1px solid var(--mantine-color-gray-3)" }}
          />
        ))}
        {props.spans.map(([s, e]) => (
          <Tooltip key={s} label={`${hhmm(s)}–${hhmm(e)} UTC · ${props.hint}`} withArrow>
            <Box
              pos="absolute"
              top={2}
              bottom={2}
              bg={props.color}
              style={{ left: `${(s / 1440) * 100}%`, width: `${((e - s) / 1440) * 100}%`, borderRadius: 3 }}
            />
          </Tooltip>
        ))}
      </Box>
    </Group>
  );
}

/**
 * A 24-hour bar chart of one UTC date: side a's working hours, side b's, and the shared windows.
 * Hours are UTC (each side's local times are in the tooltips and the slot lists).
 */
export function Timeline(props: { day: OverlapDay; a: TimelineSide; b: TimelineSide }) {
  const { day, a, b } = props;
  const offA = day.holidays.some((h) => h.side === "a") && day.workingMinutes.a === 0;
  const offB = day.holidays.some((h) => h.side === "b") && day.workingMinutes.b === 0;
  const spansA = day.workingMinutes.a === 0 ? [] : shiftsOnUtcDate(day.date, a.timeZone, a.workingHours);
  const spansB = day.workingMinutes.b === 0 ? [] : shiftsOnUtcDate(day.date, b.timeZone, b.workingHours);
  const shared: Span[] = day.windows.map((w) => [
    Math.max(0, minuteOfDate(w.startUtc, day.date)),
    Math.min(1440, minuteOfDate(w.endUtc, day.date)),
  ]);
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {shortDate(day.date)} · hours in UTC
      </Text>
      <Row
        label={a.label}
        sub={offA ? "Holiday" : a.timeZone}
        spans={spansA}
        color="blue.5"
        hint={a.timeZone}
      />
      <Row
        label={b.label}
        sub={offB ? "Holiday" : b.timeZone}
        spans={spansB}
        color="grape.5"
        hint={b.timeZone}
      />
      <Row
        label="Overlap"
        sub={shared.length ? undefined : "None"}
        spans={shared}
        color="teal.6"
        hint="shared"
      />
      <Group gap="sm" wrap="nowrap">
        <Box w={150} style={{ flexShrink: 0 }} />
        <Box pos="relative" h={14} style={{ flex: 1 }}>
          {TICKS.map((t) => (
            <Text
              key={t}
              size="10px"
              c="dimmed"
              pos="absolute"
              style={{
                left: `${(t / 24) * 100}%`,
                transform: t === 0 ? undefined : t === 24 ? "translateX(-100%)" : "translateX(-50%)",
              }}
            >
              {String(t).padStart(2, "0")}:00
            </Text>
          ))}
        </Box>
      </Group>
    </Stack>
  );
}
