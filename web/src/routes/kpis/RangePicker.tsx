import { Group, SegmentedControl } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import dayjs from "dayjs";
import { useEffect, useState } from "react";

/** A date range as the API takes it: ISO dates, either end open. */
export interface DateRange {
  from?: string;
  to?: string;
}

const PRESETS = [
  { value: "3", label: "3 months" },
  { value: "12", label: "12 months" },
  { value: "24", label: "2 years" },
  { value: "all", label: "All" },
] as const;

/** The range a preset stands for, ending today. */
export function presetRange(preset: string): DateRange {
  if (preset === "all") return {};
  return { from: dayjs().subtract(Number(preset), "month").format("YYYY-MM-DD") };
}

/** Which preset a range is, or "custom". */
function presetOf(range: DateRange): string {
  if (!range.from && !range.to) return "all";
  if (range.to) return "custom";
  return (
    PRESETS.find((p) => p.value !== "all" && presetRange(p.value).from === range.from)?.value ?? "custom"
  );
}

/**
 * Quick ranges (3 months to everything) and a calendar for any other; the charts and tables
 * re-query the server's series or scorecard for the chosen range.
 */
export function RangePicker({
  value,
  onChange,
  withAll = true,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  /** Offer "All" (the KPI chart) or not (the scorecard, whose server default is 12 months). */
  withAll?: boolean;
}) {
  const preset = presetOf(value);
  // The calendar's own state: a half-picked range shows while the second end is chosen.
  // An open end shows as what it means: up to today.
  const shown = (): [string | null, string | null] => [
    value.from ?? null,
    value.to ?? (value.from ? dayjs().format("YYYY-MM-DD") : null),
  ];
  const [draft, setDraft] = useState(shown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new range resets the calendar
  useEffect(() => setDraft(shown()), [value.from, value.to]);
  return (
    <Group gap="xs" wrap="wrap">
      <SegmentedControl
        size="xs"
        value={preset}
        onChange={(p) => onChange(presetRange(p))}
        data={[
          ...PRESETS.filter((p) => withAll || p.value !== "all"),
          ...(preset === "custom" ? [{ value: "custom", label: "Custom" }] : []),
        ]}
        aria-label="Period shown"
      />
      <DatePickerInput
        type="range"
        size="xs"
        w={230}
        placeholder="Pick dates"
        aria-label="From and to dates"
        valueFormat="D MMM YYYY"
        firstDayOfWeek={1}
        maxDate={dayjs().format("YYYY-MM-DD")}
        allowSingleDateInRange
        value={draft}
        onChange={([from, to]) => {
          setDraft([from, to]);
          // Wait for both ends: a half-picked range would re-query on the first click.
          if (from && to) onChange({ from, to });
        }}
      />
    </Group>
  );
}
