import { Chip, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { WorkingHours } from "../../../../domain/time";
import { api, unwrap } from "../../api/client";
import type { Site } from "../../api/types";
import { COUNTRY_OPTIONS, countryFilter, TIME_ZONES } from "../../lib/countries";
import { zodErrors } from "../../lib/forms";
import type { Hours } from "../../lib/shifts";
import { WEEKDAYS } from "../../lib/siteClock";
import { partsApi } from "../partners/detail/parts";
import { partnerKeys } from "../partners/queries";
import type { OrgSite } from "./queries";

export type SideMode = "ours" | "partner" | "manual";

export interface SideState {
  mode: SideMode;
  siteId: string | null;
  partnerId: string | null;
  timeZone: string | null;
  start: string;
  end: string;
  days: string[];
  country: string | null;
}

/** One side of the comparison, ready for the API and the timeline. */
export interface ResolvedSide {
  label: string;
  timeZone: string;
  workingHours: Hours;
  country?: string;
}

export const blankSide = (mode: SideMode, timeZone: string | null = null): SideState => ({
  mode,
  siteId: null,
  partnerId: null,
  timeZone,
  start: "09:00",
  end: "17:00",
  days: ["1", "2", "3", "4", "5"],
  country: null,
});

/** Manual entries' field errors (time zone, start, end, days), using the server's own rules. */
export function manualErrors(s: SideState): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!s.timeZone) errors.timeZone = "Choose a time zone";
  const hours = { start: s.start, end: s.end, days: s.days.map(Number) };
  for (const [k, m] of Object.entries(zodErrors(WorkingHours as z.ZodType, hours))) {
    errors[k.split(".")[0] || "end"] ??= m;
  }
  if (s.days.length === 0) errors.days = "Pick at least one day";
  return errors;
}

const fromSite = (s: Pick<Site, "name" | "city" | "timeZone" | "workingHours" | "country">, prefix = "") => ({
  label: `${prefix}${s.name}`,
  timeZone: s.timeZone,
  workingHours: s.workingHours,
  country: s.country,
});

/** The side as API input, or null while incomplete/invalid. */
export function resolveSide(s: SideState, ourSites: OrgSite[], partnerSites: Site[]): ResolvedSide | null {
  if (s.mode === "ours") {
    const site = ourSites.find((o) => o.id === s.siteId);
    return site ? fromSite(site) : null;
  }
  if (s.mode === "partner") {
    const site = partnerSites.find((o) => o.id === s.siteId);
    return site ? fromSite(site) : null;
  }
  if (Object.keys(manualErrors(s)).length > 0 || !s.timeZone) return null;
  return {
    label: s.timeZone,
    timeZone: s.timeZone,
    workingHours: { start: s.start, end: s.end, days: s.days.map(Number).sort() },
    country: s.country ?? undefined,
  };
}

/** All partners for the picker (names only). */
export function usePartnerOptions() {
  return useQuery({
    queryKey: ["partners", "options"],
    queryFn: () => unwrap(api.GET("/api/v1/partners", { params: { query: { limit: 200, sort: "name" } } })),
    select: (d) => d.items.map((p) => ({ value: p.id, label: p.name })),
  });
}

/** A partner's sites for the picker; idle until a partner is chosen. */
export function usePartnerSites(partnerId: string | null): Site[] {
  const q = useQuery({
    queryKey: partnerKeys.parts(partnerId ?? "", "sites"),
    queryFn: () => partsApi("sites").list(partnerId ?? ""),
    enabled: partnerId !== null,
  });
  return partnerId ? (q.data?.items ?? []) : [];
}

/** Choose one side: one of our sites, a partner's site, or time zone and hours entered by hand. */
export function SidePicker(props: {
  title: string;
  value: SideState;
  onChange: (s: SideState) => void;
  ourSites: OrgSite[];
  partnerSites: Site[];
  partners: { value: string; label: string }[];
  showErrors: boolean;
}) {
  const s = props.value;
  const set = (patch: Partial<SideState>) => props.onChange({ ...s, ...patch });
  const errors = props.showErrors && s.mode === "manual" ? manualErrors(s) : {};
  const missing = props.showErrors && s.mode !== "manual" && !s.siteId;
  const partnerError = missing && s.mode === "partner" && !s.partnerId ? "Choose a partner" : undefined;
  const siteError = missing && !partnerError ? "Choose a site" : undefined;
  const siteOptions = (list: { id: string; name: string; city: string }[]) =>
    list.map((o) => ({ value: o.id, label: `${o.name} · ${o.city}` }));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{props.title}</Text>
        <SegmentedControl
          size="xs"
          value={s.mode}
          onChange={(m) => props.onChange(blankSide(m as SideMode, s.timeZone))}
          data={[
            { value: "ours", label: "Our site" },
            { value: "partner", label: "Partner site" },
            { value: "manual", label: "By hand" },
          ]}
        />
      </Group>
      {s.mode === "ours" && (
        <Select
          label="Our site"
          placeholder={props.ourSites.length ? "Choose a site" : "No sites of ours yet"}
          data={siteOptions(props.ourSites)}
          value={s.siteId}
          onChange={(v) => set({ siteId: v })}
          error={siteError}
          searchable
        />
      )}
      {s.mode === "partner" && (
        <SimpleGrid cols={2}>
          <Select
            label="Partner"
            placeholder="Choose a partner"
            data={props.partners}
            value={s.partnerId}
            onChange={(v) => set({ partnerId: v, siteId: null })}
            error={partnerError}
            searchable
          />
          <Select
            label="Site"
            placeholder={s.partnerId && props.partnerSites.length === 0 ? "No sites" : "Choose a site"}
            data={siteOptions(props.partnerSites)}
            value={s.siteId}
            onChange={(v) => set({ siteId: v })}
            disabled={!s.partnerId}
            error={siteError}
          />
        </SimpleGrid>
      )}
      {s.mode === "manual" && (
        <>
          <SimpleGrid cols={2}>
            <Select
              label="Time zone"
              data={TIME_ZONES}
              value={s.timeZone}
              onChange={(v) => set({ timeZone: v })}
              searchable
              limit={100}
              error={errors.timeZone}
            />
            <Select
              label="Country (holidays)"
              placeholder="None"
              data={COUNTRY_OPTIONS}
              filter={countryFilter}
              value={s.country}
              onChange={(v) => set({ country: v })}
              searchable
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TimeInput
              label="Start"
              value={s.start}
              onChange={(e) => set({ start: e.currentTarget.value })}
              error={errors.start}
            />
            <TimeInput
              label="End"
              value={s.end}
              onChange={(e) => set({ end: e.currentTarget.value })}
              error={errors.end}
              description={s.end && s.end < s.start ? "Ends the next day" : undefined}
            />
          </SimpleGrid>
          <Input.Wrapper label="Working days" error={errors.days}>
            <Chip.Group multiple value={s.days} onChange={(v) => set({ days: v })}>
              <Group gap={6} mt={6}>
                {WEEKDAYS.map((d) => (
                  <Chip key={d.value} value={String(d.value)} size="xs" variant="outline">
                    {d.short}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
        </>
      )}
    </Stack>
  );
}
