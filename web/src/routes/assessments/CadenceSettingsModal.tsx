import {
  Alert,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconLock } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { AssessmentSettings, DEFAULT_ASSESSMENT_SETTINGS } from "../../../../domain/assessments";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { FormActions, FormError } from "../../components/FormParts";
import { ErrorState } from "../../components/States";
import { zodErrors } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";

type Settings = AssessmentSettings;
type Tier = "1" | "2" | "3" | "4";
const TIERS: Tier[] = ["1", "2", "3", "4"];
/** What each tier means, so the cadence is chosen knowing whom it applies to. */
const TIER_HINTS: Record<Tier, string> = {
  "1": "Most attention: critical services or high risk",
  "2": "Elevated",
  "3": "Moderate",
  "4": "Least attention",
};
/** The select's value for "no fixed template": reuse the partner's last questionnaire. */
const LAST = "last";

type Num = number | string;
interface Values {
  on: Record<Tier, boolean>;
  months: Record<Tier, Num>;
  templateId: string;
  leadDays: Num;
  answerDays: Num;
}

/** Query key of `GET /api/v1/assessment-settings`. */
export const assessmentSettingsKey = ["assessment-settings"] as const;

const num = (v: Num) => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v));

const toValues = (s: Settings): Values => ({
  on: Object.fromEntries(TIERS.map((t) => [t, s.cadenceMonths[t] !== null])) as Values["on"],
  // A switched-off tier keeps a sensible number ready for when it is switched on.
  months: Object.fromEntries(TIERS.map((t) => [t, s.cadenceMonths[t] ?? 12])) as Values["months"],
  templateId: s.reassessmentTemplateId ?? LAST,
  leadDays: s.leadDays,
  answerDays: s.answerDays,
});

const toBody = (v: Values): Settings => ({
  cadenceMonths: Object.fromEntries(
    TIERS.map((t) => [t, v.on[t] ? num(v.months[t]) : null]),
  ) as Settings["cadenceMonths"],
  reassessmentTemplateId: v.templateId === LAST ? null : v.templateId,
  leadDays: num(v.leadDays),
  answerDays: num(v.answerDays),
});

/** Schema paths → form fields ("cadenceMonths.1" → "months.1"). */
const collapse = (path: string) =>
  path.startsWith("cadenceMonths.")
    ? `months.${path.split(".")[1]}`
    : path === "reassessmentTemplateId"
      ? "templateId"
      : path;

function validate(v: Values) {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(zodErrors(AssessmentSettings, toBody(v))))
    errors[collapse(path)] ??= message;
  return errors;
}

/**
 * The reassessment cadence by partner tier: how often each tier is assessed again (or never), the
 * questionnaire the scheduler drafts from, and its timing. Everyone on staff sees it; only those
 * with the `assessment.settings` ability (admins, risk managers) can change it.
 */
export function CadenceSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useMe();
  const canEdit = can(me, "assessment", "settings");
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: assessmentSettingsKey,
    queryFn: () => unwrap(api.GET("/api/v1/assessment-settings")),
    enabled: opened,
  });
  const templates = useQuery({
    queryKey: ["questionnaire-templates", "picker"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/questionnaire-templates", {
          params: { query: { archived: "false", limit: 200, sort: "title" } },
        }),
      ),
    enabled: opened,
    staleTime: 60_000,
  });
  const form = useForm<Values>({
    initialValues: toValues(settings.data ?? DEFAULT_ASSESSMENT_SETTINGS),
    validate,
    validateInputOnBlur: true,
  });
  const save = useMutation({
    mutationFn: (v: Values) => unwrap(api.PUT("/api/v1/assessment-settings", { body: toBody(v) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentSettingsKey, saved);
      notifySuccess("Cadence saved", "The nightly scheduler drafts reassessments by these rules.");
      onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened or the server's values arrive
  useEffect(() => {
    if (!opened || !settings.data) return;
    form.setValues(toValues(settings.data));
    form.resetDirty(toValues(settings.data));
    form.clearErrors();
    save.reset();
  }, [opened, settings.data]);
  useServerErrors(form, save.error, collapse);

  const current = form.values.templateId;
  const options = [
    { value: LAST, label: "The partner's last questionnaire" },
    ...(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.title })),
  ];
  // A saved template that is no longer listed (archived since) still shows by its id.
  if (current !== LAST && templates.data && !options.some((o) => o.value === current))
    options.push({ value: current, label: "A template no longer active" });

  return (
    <Modal opened={opened} onClose={onClose} title="Reassessment cadence" size="lg">
      {settings.isPending ? (
        <Stack gap="sm" data-testid="cadence-loading">
          <Skeleton h={20} w="70%" />
          <Skeleton h={160} />
          <Skeleton h={36} />
        </Stack>
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Each night the scheduler drafts a reassessment for partners being onboarded or active whose last
              completed assessment is due again by their tier. Vendor managers are told and send the draft
              after checking it. Partners never assessed are left to you.
            </Text>
            {!canEdit && (
              <Alert color="gray" icon={<IconLock size={16} />} data-testid="cadence-read-only">
                Only admins and risk managers can change the cadence.
              </Alert>
            )}
            <FormError error={save.error} />
            <Table verticalSpacing="xs" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tier</Table.Th>
                  <Table.Th>Reassess</Table.Th>
                  <Table.Th w={200}>Every</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {TIERS.map((t) => (
                  <Table.Tr key={t}>
                    <Table.Td>
                      <Text fw={500}>Tier {t}</Text>
                      <Text size="xs" c="dimmed">
                        {TIER_HINTS[t]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Reassess tier ${t}`}
                        disabled={!canEdit}
                        {...form.getInputProps(`on.${t}`, { type: "checkbox" })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {form.values.on[t] ? (
                        <NumberInput
                          aria-label={`Tier ${t}: every how many months`}
                          min={1}
                          max={120}
                          allowDecimal={false}
                          rightSection={<Text size="xs">months</Text>}
                          rightSectionWidth={60}
                          readOnly={!canEdit}
                          {...form.getInputProps(`months.${t}`)}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Select
              label="Questionnaire"
              description="The template reassessments are drafted from"
              data={options}
              allowDeselect={false}
              readOnly={!canEdit}
              placeholder={templates.isPending ? "Loading…" : undefined}
              {...form.getInputProps("templateId")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Draft ahead"
                description="Days before the due date the draft is made"
                min={0}
                max={180}
                allowDecimal={false}
                rightSection={<Text size="xs">days</Text>}
                rightSectionWidth={44}
                readOnly={!canEdit}
                {...form.getInputProps("leadDays")}
              />
              <NumberInput
                label="Time to answer"
                description="The partner gets at least this many days"
                min={1}
                max={180}
                allowDecimal={false}
                rightSection={<Text size="xs">days</Text>}
                rightSectionWidth={44}
                readOnly={!canEdit}
                {...form.getInputProps("answerDays")}
              />
            </SimpleGrid>
            {canEdit ? (
              <FormActions onCancel={onClose} pending={save.isPending}>
                Save cadence
              </FormActions>
            ) : (
              <Group justify="flex-end">
                <Text size="xs" c="dimmed">
                  Read-only
                </Text>
              </Group>
            )}
          </Stack>
        </form>
      )}
    </Modal>
  );
}
