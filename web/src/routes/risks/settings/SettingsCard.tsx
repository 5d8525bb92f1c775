import { Button, Card, Divider, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { RiskRegisterSettings } from "../../../../../domain/risk-settings";
import { api, unwrap } from "../../../api/client";
import { FormError } from "../../../components/FormParts";
import { HeatGrid, LevelLegend } from "../../../components/HeatMap";
import { zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { type RiskSettings, riskKeys } from "../queries";

type Num = number | string;
interface Values {
  medium: Num;
  high: Num;
  critical: Num;
  politicalStabilityBelow: Num;
  ruleOfLawBelow: Num;
  regulatoryQualityBelow: Num;
  overlapHours: Num;
  concentrationPercent: Num;
}

const n = (v: Num) => (typeof v === "number" ? v : Number.parseFloat(v));

const toValues = (s: RiskSettings): Values => ({
  ...s.levels,
  politicalStabilityBelow: s.signals.politicalStabilityBelow,
  ruleOfLawBelow: s.signals.ruleOfLawBelow,
  regulatoryQualityBelow: s.signals.regulatoryQualityBelow,
  overlapHours: s.signals.overlapMinMinutes / 60,
  concentrationPercent: Math.round(s.signals.concentrationShare * 100),
});

const toBody = (v: Values) => ({
  levels: { medium: n(v.medium), high: n(v.high), critical: n(v.critical) },
  signals: {
    politicalStabilityBelow: n(v.politicalStabilityBelow),
    ruleOfLawBelow: n(v.ruleOfLawBelow),
    regulatoryQualityBelow: n(v.regulatoryQualityBelow),
    overlapMinMinutes: Math.round(n(v.overlapHours) * 60),
    concentrationShare: n(v.concentrationPercent) / 100,
  },
});

/** Maps the schema's nested paths onto the flat form ("signals.overlapMinMinutes" → "overlapHours"). */
const FIELD_OF: Record<string, keyof Values | "form"> = {
  "levels.medium": "medium",
  "levels.high": "high",
  "levels.critical": "critical",
  levels: "critical",
  "signals.politicalStabilityBelow": "politicalStabilityBelow",
  "signals.ruleOfLawBelow": "ruleOfLawBelow",
  "signals.regulatoryQualityBelow": "regulatoryQualityBelow",
  "signals.overlapMinMinutes": "overlapHours",
  "signals.concentrationShare": "concentrationPercent",
};
const collapse = (path: string) => FIELD_OF[path] ?? path;

function validate(v: Values) {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(zodErrors(RiskRegisterSettings, toBody(v))))
    errors[collapse(path)] ??= message;
  return errors;
}

/** A 5×5 grid with one risk per cell's score, to show how the thresholds band the matrix. */
const PREVIEW = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);

/**
 * The scoring thresholds and signal bounds. Saving re-evaluates every signal and partner tier,
 * so the form says so; users without the ability see the values read-only.
 */
export function SettingsCard({ settings, canEdit }: { settings: RiskSettings; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: toValues(settings), validate });
  const save = useMutation({
    mutationFn: (v: Values) => unwrap(api.PUT("/api/v1/risk-settings", { body: toBody(v) })),
    onSuccess: (saved) => {
      notifySuccess("Risk settings saved", "Levels, signals and partner tiers are recalculated.");
      queryClient.setQueryData(riskKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["risk-signals"] });
      void queryClient.invalidateQueries({ queryKey: ["partners"] });
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the server's values when they change
  useEffect(() => {
    form.setValues(toValues(settings));
    form.resetDirty(toValues(settings));
  }, [settings]);
  useServerErrors(form, save.error, collapse);

  const body = toBody(form.values);
  const levelsValid = Object.keys(zodErrors(RiskRegisterSettings.shape.levels, body.levels)).length === 0;
  const input = (name: keyof Values) => ({ ...form.getInputProps(name), readOnly: !canEdit });

  return (
    <Card>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={5}>Risk levels</Title>
            <Text size="sm" c="dimmed">
              The lowest score (likelihood × impact) of each level; anything below medium is low.
            </Text>
          </div>
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="Medium from" min={2} max={25} allowDecimal={false} {...input("medium")} />
            <NumberInput label="High from" min={3} max={25} allowDecimal={false} {...input("high")} />
            <NumberInput label="Critical from" min={4} max={25} allowDecimal={false} {...input("critical")} />
          </SimpleGrid>
          {levelsValid && (
            <Group align="flex-start" gap="lg">
              <div style={{ width: 280 }}>
                <HeatGrid kind="residual" counts={PREVIEW} thresholds={body.levels} preview />
              </div>
              <LevelLegend thresholds={body.levels} />
            </Group>
          )}
          <Divider />
          <div>
            <Title order={5}>Signal bounds</Title>
            <Text size="sm" c="dimmed">
              What the signal rules compare facts against. World Bank governance figures are percentile ranks
              (0 = weakest, 100 = strongest).
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NumberInput
              label="Political stability below"
              description="Percentile that counts as unstable"
              min={0}
              max={100}
              {...input("politicalStabilityBelow")}
            />
            <NumberInput
              label="Rule of law below"
              description="Percentile that counts as weak"
              min={0}
              max={100}
              {...input("ruleOfLawBelow")}
            />
            <NumberInput
              label="Regulatory quality below"
              description="Percentile that counts as weak"
              min={0}
              max={100}
              {...input("regulatoryQualityBelow")}
            />
            <NumberInput
              label="Working-time overlap under"
              description="Hours a working day shared with our sites"
              min={0}
              max={24}
              step={0.5}
              decimalScale={2}
              suffix=" h"
              {...input("overlapHours")}
            />
            <NumberInput
              label="Concentration over"
              description="Share of critical and important services"
              min={1}
              max={100}
              suffix=" %"
              {...input("concentrationPercent")}
            />
          </SimpleGrid>
          {canEdit && (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Saving re-evaluates every signal and partner tier.
              </Text>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
