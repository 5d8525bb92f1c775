import { Chip, Group, Input, Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CreateSite } from "../../../../../domain/partner-parts";
import type { Site } from "../../../api/types";
import { FormActions, FormError } from "../../../components/FormParts";
import { BROWSER_TIME_ZONE, COUNTRY_OPTIONS, countryFilter, TIME_ZONES } from "../../../lib/countries";
import { zodErrors } from "../../../lib/forms";
import { WEEKDAYS } from "../../../lib/siteClock";
import { useServerErrors } from "../../../lib/useServerErrors";

export interface SiteBody {
  name: string;
  country: string;
  city: string;
  timeZone: string;
  workingHours: { start: string; end: string; days: number[] };
}

/** The editable fields of a site: partner sites and our own sites share them. */
export type SiteFields = Pick<Site, "name" | "country" | "city" | "timeZone" | "workingHours">;

interface Values {
  name: string;
  country: string;
  city: string;
  timeZone: string;
  start: string;
  end: string;
  days: string[];
}

const toBody = (v: Values): SiteBody => ({
  name: v.name.trim(),
  country: v.country,
  city: v.city.trim(),
  timeZone: v.timeZone,
  workingHours: { start: v.start, end: v.end, days: v.days.map(Number).sort() },
});

const blank = (): Values => ({
  name: "",
  country: "",
  city: "",
  timeZone: BROWSER_TIME_ZONE,
  start: "09:00",
  end: "18:00",
  days: ["1", "2", "3", "4", "5"],
});

/** Form errors keyed like the form: "workingHours.start" → "start", "workingHours.days.0" → "days". */
const collapse = (path: string) =>
  path.startsWith("workingHours") ? (path.split(".")[1] ?? "start") : path.split(".")[0];

/** Create or edit a site (a partner's or one of ours): place, IANA time zone and local working hours. */
export function SiteModal(props: {
  opened: boolean;
  site: SiteFields | null;
  namePlaceholder?: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: SiteBody) => void;
}) {
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (v) => {
      const errors: Record<string, string> = {};
      for (const [k, m] of Object.entries(zodErrors(CreateSite, toBody(v)))) errors[collapse(k)] ??= m;
      if (!v.country) errors.country = "Choose a country";
      if (v.days.length === 0) errors.days = "Pick at least one day";
      return errors;
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens on another site
  useEffect(() => {
    if (!props.opened) return;
    const s = props.site;
    form.setValues(
      s
        ? {
            name: s.name,
            country: s.country,
            city: s.city,
            timeZone: s.timeZone,
            start: s.workingHours.start,
            end: s.workingHours.end,
            days: s.workingHours.days.map(String),
          }
        : blank(),
    );
    form.resetDirty();
    form.clearErrors();
  }, [props.opened, props.site]);
  useServerErrors(form, props.error, collapse);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.site ? "Edit site" : "Add a site"}</Text>}
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => props.onSubmit(toBody(v)))} noValidate>
        <Stack gap="md">
          <FormError error={props.error} />
          <TextInput
            label="Site name"
            placeholder={props.namePlaceholder ?? "Pune delivery centre"}
            withAsterisk
            data-autofocus
            {...form.getInputProps("name")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Country"
              data={COUNTRY_OPTIONS}
              searchable
              filter={countryFilter}
              selectFirstOptionOnChange
              withAsterisk
              {...form.getInputProps("country")}
            />
            <TextInput label="City" placeholder="Pune" withAsterisk {...form.getInputProps("city")} />
          </SimpleGrid>
          <Select
            label="Time zone"
            description="IANA zone; daylight saving is handled automatically"
            data={TIME_ZONES}
            searchable
            selectFirstOptionOnChange
            limit={100}
            withAsterisk
            {...form.getInputProps("timeZone")}
          />
          <SimpleGrid cols={2}>
            <TimeInput label="Working hours start" withAsterisk {...form.getInputProps("start")} />
            <TimeInput
              label="End"
              description={
                form.values.end < form.values.start ? "Ends the next day (night shift)" : undefined
              }
              withAsterisk
              {...form.getInputProps("end")}
            />
          </SimpleGrid>
          <Input.Wrapper label="Working days" withAsterisk error={form.errors.days}>
            <Chip.Group multiple value={form.values.days} onChange={(v) => form.setFieldValue("days", v)}>
              <Group gap={6} mt={6}>
                {WEEKDAYS.map((d) => (
                  <Chip key={d.value} value={String(d.value)} size="sm" variant="outline">
                    {d.short}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <FormActions onCancel={props.onClose} pending={props.pending} mt="xs">
            {props.site ? "Save site" : "Add site"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
