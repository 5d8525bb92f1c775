import { Modal, NumberInput, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useEffect } from "react";
import { MeasurementInput } from "../../../../domain/kpis";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";
import { currentPeriodStart, formatValue, PERIOD_ALIGNMENT, STATUS_LABELS } from "./labels";
import { invalidateAfterMeasurements, type Kpi, type SeriesPoint } from "./queries";

interface Values {
  periodStart: string | null;
  value: number | string;
  note: string;
}

const toBody = (v: Values) => ({
  periodStart: v.periodStart ?? "",
  value: v.value === "" ? undefined : Number(v.value),
  note: nullIfBlank(v.note),
});

/** Days the calendar greys out: those that cannot start a period of this KPI. */
const notAPeriodStart = (period: Kpi["period"]) => (date: string) => {
  const d = dayjs(date);
  if (period === "weekly") return d.day() !== 1;
  if (period === "monthly") return d.date() !== 1;
  return false;
};

/**
 * Records one period's value (or corrects it: sending a period again replaces its value). The
 * calendar only offers days that start a period; the server's 422 (e.g. a future period) shows
 * under the field it concerns.
 */
export function MeasurementModal(props: {
  opened: boolean;
  onClose: () => void;
  kpi: Kpi;
  /** A recorded point to correct, or null for a new measurement. */
  point: SeriesPoint | null;
}) {
  const { kpi, point } = props;
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { periodStart: null, value: "", note: "" },
    validate: (v) => {
      const errors = zodErrors(MeasurementInput, toBody(v));
      if (!v.periodStart) errors.periodStart = "Choose the period";
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/v1/kpis/{id}/measurements", {
          params: { path: { id: kpi.id } },
          body: toBody(v) as MeasurementInput,
        }),
      ),
    onSuccess: (m) => {
      const what =
        m.outcome === "unchanged"
          ? "Nothing changed"
          : m.outcome === "updated"
            ? "Measurement corrected"
            : "Measurement recorded";
      notifySuccess(
        what,
        `${formatValue(m.value, kpi.unit)}: ${STATUS_LABELS[m.status]}${m.reason ? ` (${m.reason})` : ""}`,
      );
      invalidateAfterMeasurements(queryClient);
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    const next: Values = point
      ? { periodStart: point.periodStart.slice(0, 10), value: point.value, note: point.note ?? "" }
      : { periodStart: currentPeriodStart(kpi.period), value: "", note: "" };
    form.setValues(next);
    form.clearErrors();
    save.reset();
  }, [props.opened, point]);
  useServerErrors(form, save.error);

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{point ? "Correct measurement" : "Record measurement"}</Text>}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DatePickerInput
              label="Period start"
              description={PERIOD_ALIGNMENT[kpi.period]}
              withAsterisk
              valueFormat="D MMM YYYY"
              maxDate={dayjs().format("YYYY-MM-DD")}
              excludeDate={notAPeriodStart(kpi.period)}
              firstDayOfWeek={1}
              disabled={Boolean(point)}
              {...form.getInputProps("periodStart")}
            />
            <NumberInput
              label="Value"
              description={`Target ${kpi.direction === "higher_is_better" ? "≥" : "≤"} ${formatValue(kpi.target, kpi.unit)}`}
              withAsterisk
              data-autofocus
              rightSection={
                <Text size="xs" c="dimmed" pr={6}>
                  {kpi.unit}
                </Text>
              }
              {...form.getInputProps("value")}
            />
          </SimpleGrid>
          <Textarea
            label="Note"
            description="Context for a miss, the source of the figure"
            autosize
            minRows={2}
            maxRows={5}
            {...form.getInputProps("note")}
          />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {point ? "Save" : "Record"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
