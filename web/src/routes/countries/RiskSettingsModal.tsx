import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { DEFAULT_RISK_SETTINGS } from "../../../../domain/governance";
import { api, errorMessage, unwrap } from "../../api/client";
import { friendlyMessage, serverErrors } from "../../lib/forms";
import { notifyError, notifySuccess } from "../../lib/notify";
import { hasFieldErrors } from "../../lib/useServerErrors";
import { countryKeys, type RiskSettings, riskSettingsKey, riskSettingsQuery } from "./queries";
import { INDICATOR_NAMES, INDICATORS } from "./shared";

type Weights = RiskSettings["weights"];
type Thresholds = RiskSettings["thresholds"];
type Form = {
  weights: Record<keyof Weights, number | string>;
  thresholds: Record<keyof Thresholds, number | string>;
  floorPercentile: number;
};

const num = (v: number | string) => (typeof v === "number" ? v : Number.parseFloat(v));
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Server settings (weights as fractions) → form values (weights in percent). */
const toForm = (s: RiskSettings): Form => ({
  weights: Object.fromEntries(INDICATORS.map((i) => [i, round2(s.weights[i] * 100)])) as Form["weights"],
  thresholds: { ...s.thresholds },
  floorPercentile: s.floorPercentile,
});

const toBody = (f: Form): RiskSettings => ({
  weights: Object.fromEntries(INDICATORS.map((i) => [i, num(f.weights[i]) / 100])) as Weights,
  thresholds: { low: num(f.thresholds.low), medium: num(f.thresholds.medium), high: num(f.thresholds.high) },
  floorPercentile: f.floorPercentile,
});

/**
 * The risk-level weights and thresholds. Admins and risk managers change them; everyone else sees
 * them read-only. Saving refreshes every country's level.
 */
export function RiskSettingsModal(props: { opened: boolean; onClose: () => void; canEdit: boolean }) {
  const { canEdit } = props;
  const settings = useQuery({ ...riskSettingsQuery, enabled: props.opened });
  const [form, setForm] = useState<Form | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (f: Form) => unwrap(api.PUT("/api/v1/countries/risk-settings", { body: toBody(f) })),
    onSuccess: (saved) => {
      notifySuccess("Risk settings saved", "Country risk levels are recalculated.");
      queryClient.setQueryData(riskSettingsKey, saved);
      void queryClient.invalidateQueries({ queryKey: countryKeys.all });
      props.onClose();
    },
    onError: (e) => {
      if (!hasFieldErrors(e)) notifyError(e, "Could not save the risk settings");
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (props.opened && settings.data) {
      setForm(toForm(settings.data));
      reset();
    }
  }, [props.opened, settings.data, reset]);

  const server = serverErrors(save.error);
  const weightSum = form ? round2(INDICATORS.reduce((acc, i) => acc + (num(form.weights[i]) || 0), 0)) : 0;
  const weightsInvalid = form ? INDICATORS.some((i) => Number.isNaN(num(form.weights[i]))) : false;
  const sumLocal = weightsInvalid
    ? "Fill in every weight"
    : Math.abs(weightSum - 100) > 0.001
      ? "Weights must add up to 100%"
      : undefined;
  const sumError = sumLocal ?? (server.weights ? friendlyMessage(server.weights) : undefined);
  const t = form
    ? { low: num(form.thresholds.low), medium: num(form.thresholds.medium), high: num(form.thresholds.high) }
    : null;
  const thresholdLocal =
    t && [t.low, t.medium, t.high].some(Number.isNaN)
      ? "Fill in every threshold"
      : t && !(t.low > t.medium && t.medium > t.high)
        ? "Thresholds must decrease: low > medium > high"
        : undefined;
  const thresholdError =
    thresholdLocal ?? (server.thresholds ? friendlyMessage(server.thresholds) : undefined);
  const edit = (change: (f: Form) => Form) => {
    if (save.error) reset();
    setForm((f) => f && change(f));
  };
  const fieldError = (path: string) => (server[path] ? friendlyMessage(server[path]) : undefined);

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>Risk settings</Text>}
      size="lg"
    >
      {settings.isError ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Could not load the risk settings">
          {errorMessage(settings.error)}
        </Alert>
      ) : !form ? (
        <Group justify="center" p="xl">
          <Loader size="sm" />
        </Group>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (canEdit && !sumLocal && !thresholdLocal) save.mutate(form);
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Each country's level comes from the World Bank's six governance percentiles (0–100, higher is
              better). They are combined into one weighted percentile using the weights below, which is then
              compared with the thresholds: at or above the low threshold is low risk, at or above medium is
              medium, at or above high is high, and anything lower is very high. Any single dimension below
              the {form.floorPercentile}th percentile raises the level to at least high, because one collapsed
              dimension matters more than a good average suggests.
            </Text>
            {!canEdit && (
              <Alert color="gray" variant="light">
                Only administrators and risk managers can change these settings.
              </Alert>
            )}
            <div>
              <Title order={5} mb={4}>
                Weights
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                {INDICATORS.map((i) => (
                  <NumberInput
                    key={i}
                    label={INDICATOR_NAMES[i]}
                    suffix="%"
                    min={0}
                    max={100}
                    decimalScale={2}
                    value={form.weights[i]}
                    readOnly={!canEdit}
                    error={fieldError(`weights.${i}`)}
                    onChange={(v) => edit((f) => ({ ...f, weights: { ...f.weights, [i]: v } }))}
                  />
                ))}
              </SimpleGrid>
              <Text size="sm" mt={6} fw={500} c={sumError ? "red" : "dimmed"} aria-live="polite">
                Total: {weightSum}%{sumError ? ` — ${sumError}` : ""}
              </Text>
            </div>
            <div>
              <Title order={5} mb={4}>
                Level thresholds (weighted percentile)
              </Title>
              <SimpleGrid cols={3} spacing="sm">
                {(["low", "medium", "high"] as const).map((k) => (
                  <NumberInput
                    key={k}
                    label={`${k[0].toUpperCase()}${k.slice(1)} risk from`}
                    min={0}
                    max={100}
                    decimalScale={2}
                    value={form.thresholds[k]}
                    readOnly={!canEdit}
                    error={fieldError(`thresholds.${k}`)}
                    onChange={(v) => edit((f) => ({ ...f, thresholds: { ...f.thresholds, [k]: v } }))}
                  />
                ))}
              </SimpleGrid>
              {thresholdError && (
                <Text size="sm" mt={6} c="red">
                  {thresholdError}
                </Text>
              )}
            </div>
            {save.error && !hasFieldErrors(save.error) && (
              <Text size="sm" c="red">
                {errorMessage(save.error)}
              </Text>
            )}
            <Group justify="space-between" gap="xs" mt="xs">
              {canEdit ? (
                <Button variant="subtle" onClick={() => edit(() => toForm(DEFAULT_RISK_SETTINGS))}>
                  Reset to defaults
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={props.onClose}>
                  {canEdit ? "Cancel" : "Close"}
                </Button>
                {canEdit && (
                  <Button type="submit" loading={save.isPending} disabled={!!sumLocal || !!thresholdLocal}>
                    Save
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
