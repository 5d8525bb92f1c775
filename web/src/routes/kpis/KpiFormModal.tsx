import {
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type CreateKpi, KPI_DIRECTIONS, KPI_PERIODS, type UpdateKpi } from "../../../../domain/kpis";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";
import { changedFields, collapsePath, fromKpi, liveProblems, toBody, type Values, validate } from "./kpiForm";
import { DIRECTION_LABELS, PERIOD_ALIGNMENT, PERIOD_LABELS } from "./labels";
import { type Kpi, kpiKeys } from "./queries";

const DIRECTION_OPTIONS = KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }));
const PERIOD_OPTIONS = KPI_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }));

/**
 * Define or edit a KPI of a contract: what is measured, in which unit, which way is good, the
 * target with its warning and breach thresholds (their order checked while typing), how often it
 * is measured, its weight in the partner's score and an optional service credit per breach.
 */
export function KpiFormModal(props: {
  opened: boolean;
  onClose: () => void;
  contractId: string;
  /** The contract's currency, for the monthly fee. */
  currency?: string | null;
  kpi: Kpi | null;
}) {
  const { kpi } = props;
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: fromKpi(null),
    validate: (v) => validate(v, props.contractId),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      kpi
        ? unwrap(
            api.PATCH("/api/v1/kpis/{id}", {
              params: { path: { id: kpi.id } },
              body: changedFields(kpi, v) as UpdateKpi,
            }),
          )
        : unwrap(
            api.POST("/api/v1/kpis", {
              body: { ...toBody(v), contractId: props.contractId, period: v.period } as CreateKpi,
            }),
          ),
    onSuccess: (saved) => {
      notifySuccess(kpi ? "KPI saved" : "KPI added", saved.name);
      void queryClient.invalidateQueries({ queryKey: kpiKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromKpi(kpi));
    form.clearErrors();
    save.reset();
  }, [props.opened, kpi]);
  useServerErrors(form, save.error, collapsePath);

  const v = form.values;
  // The order of the thresholds is the rule people get wrong: say so as soon as all three are in.
  const live = liveProblems(v);
  const thresholdError = (field: "warningThreshold" | "capPercent") =>
    form.errors[field] ?? live[field] ?? undefined;
  const higher = v.direction === "higher_is_better";
  const unit = v.unit.trim();

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>{kpi ? "Edit KPI" : "New KPI"}</Text>}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Name"
              placeholder="Service availability"
              withAsterisk
              data-autofocus
              style={{ gridColumn: "span 2" }}
              {...form.getInputProps("name")}
            />
            <TextInput
              label="Unit"
              placeholder="%, h, tickets"
              withAsterisk
              {...form.getInputProps("unit")}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            description="How it is measured and by whom"
            autosize
            minRows={1}
            maxRows={4}
            {...form.getInputProps("description")}
          />
          <SegmentedControl data={DIRECTION_OPTIONS} {...form.getInputProps("direction")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Target"
              description={higher ? "At least" : "At most"}
              withAsterisk
              rightSection={<UnitHint unit={unit} />}
              {...form.getInputProps("target")}
            />
            <NumberInput
              label="Warning threshold"
              description={higher ? "Warn at or below" : "Warn at or above"}
              withAsterisk
              rightSection={<UnitHint unit={unit} />}
              {...form.getInputProps("warningThreshold")}
              error={thresholdError("warningThreshold")}
            />
            <NumberInput
              label="Breach threshold"
              description={higher ? "Breach at or below" : "Breach at or above"}
              withAsterisk
              rightSection={<UnitHint unit={unit} />}
              {...form.getInputProps("breachThreshold")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Measured"
              data={PERIOD_OPTIONS}
              allowDeselect={false}
              disabled={Boolean(kpi)}
              description={
                kpi
                  ? "Fixed once created: measurements are aligned to it"
                  : `Periods start: ${PERIOD_ALIGNMENT[v.period].toLowerCase()}`
              }
              {...form.getInputProps("period")}
            />
            <NumberInput
              label="Weight"
              description="In the partner's overall score, 1–10"
              min={1}
              max={10}
              allowDecimal={false}
              {...form.getInputProps("weight")}
            />
          </SimpleGrid>
          <Switch
            label="Service credit per breach"
            description="What the partner owes back for each breached period"
            {...form.getInputProps("creditEnabled", { type: "checkbox" })}
          />
          {v.creditEnabled && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Credit per breach"
                rightSection={<UnitHint unit="%" />}
                min={0}
                max={100}
                {...form.getInputProps("percentPerBreach")}
              />
              <NumberInput
                label="Monthly cap"
                rightSection={<UnitHint unit="%" />}
                min={0}
                max={100}
                {...form.getInputProps("capPercent")}
                error={thresholdError("capPercent")}
              />
              <NumberInput
                label="Monthly fee"
                rightSection={<UnitHint unit={props.currency ?? kpi?.currency ?? ""} />}
                min={0}
                thousandSeparator=" "
                {...form.getInputProps("monthlyFee")}
              />
            </SimpleGrid>
          )}
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {kpi ? "Save KPI" : "Add KPI"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** The unit inside a number field, so "99.5" reads as "99.5 %". */
function UnitHint({ unit }: { unit: string }) {
  return unit ? (
    <Text size="xs" c="dimmed" pr={6} style={{ whiteSpace: "nowrap" }}>
      {unit}
    </Text>
  ) : null;
}
