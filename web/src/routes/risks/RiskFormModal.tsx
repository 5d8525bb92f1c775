import {
  Divider,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { RISK_STATUSES, residualProblems, TREATMENTS } from "../../../../domain/risks";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { notifySuccess } from "../../lib/notify";
import { RISK_STATUS_LABELS, TREATMENT_LABELS } from "../../lib/risks";
import { useOwnerOptions } from "../../lib/useOwnerOptions";
import { useServerErrors } from "../../lib/useServerErrors";
import { categoriesQuery, type Risk, riskKeys, riskSettingsQuery } from "./queries";
import { RatingPicker, ScorePreview } from "./RatingPicker";
import { changedFields, fromRisk, toBody, type Values, validate } from "./riskForm";

const TREATMENT_OPTIONS = TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] }));

/**
 * Create or edit a risk: category, partner and service, owner, inherent and residual ratings with
 * a live score and level, treatment, status and review schedule. The residual ratings may not
 * exceed the inherent ones, which the form says inline before the server would.
 */
export function RiskFormModal(props: {
  opened: boolean;
  onClose: () => void;
  risk: Risk | null;
  /** Prefill the partner for "New risk for this partner". */
  partner?: { id: string; name: string };
  onSaved?: (id: string) => void;
}) {
  const { risk } = props;
  const queryClient = useQueryClient();
  const categories = useQuery({ ...categoriesQuery, enabled: props.opened });
  const settings = useQuery({ ...riskSettingsQuery, enabled: props.opened });
  const form = useForm<Values>({ initialValues: fromRisk(null), validate });
  const owners = useOwnerOptions([risk?.owner]);
  const partnerId = form.values.partnerId;
  const services = useQuery({
    queryKey: ["partners", "detail", partnerId, "services"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/partners/{id}/services", { params: { path: { id: partnerId as string } } })),
    enabled: props.opened && Boolean(partnerId),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      risk
        ? unwrap(
            api.PATCH("/api/v1/risks/{id}", {
              params: { path: { id: risk.id } },
              body: changedFields(risk, v),
            }),
          )
        : // An empty next review date is left out, so the server sets today + the interval.
          unwrap(
            api.POST("/api/v1/risks", {
              body: { ...toBody(v), nextReviewDate: v.nextReviewDate || undefined },
            }),
          ),
    onSuccess: (saved) => {
      notifySuccess(risk ? "Risk saved" : "Risk added", saved.title);
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["partners"] });
      props.onClose();
      props.onSaved?.(saved.id);
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromRisk(risk, props.partner));
    form.clearErrors();
    save.reset();
  }, [props.opened, risk]);
  useServerErrors(form, save.error);

  const v = form.values;
  const thresholds = settings.data?.levels;
  // Statuses offered: `accepted` only through the accept button, unless the risk already is.
  const statusOptions = RISK_STATUSES.filter((s) => s !== "accepted" || v.status === "accepted").map((s) => ({
    value: s,
    label: RISK_STATUS_LABELS[s],
    disabled: s === "accepted",
  }));
  // Residual errors show as soon as the ratings disagree, not only on submit.
  const residual = Object.fromEntries(
    residualProblems(v).map((p) => [p.path.replace(/^body\./, ""), p.message]),
  );

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={<Text fw={600}>{risk ? "Edit risk" : "New risk"}</Text>}
    >
      <form
        onSubmit={form.onSubmit((values) =>
          // Saving an untouched edit form has nothing to send.
          risk && Object.keys(changedFields(risk, values)).length === 0
            ? props.onClose()
            : save.mutate(values),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label="Title"
            placeholder="Payroll data exposed at the offshore centre"
            withAsterisk
            data-autofocus
            {...form.getInputProps("title")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Category"
              withAsterisk
              placeholder="Pick a category"
              searchable
              data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              {...form.getInputProps("categoryId")}
              value={v.categoryId || null}
              onChange={(id) => form.setFieldValue("categoryId", id ?? "")}
            />
            <Select
              label="Owner"
              placeholder="Unassigned"
              clearable
              searchable
              data={owners}
              {...form.getInputProps("ownerId")}
            />
            <PartnerSelect
              label="Partner"
              placeholder="Organization-wide"
              description="Leave empty for a risk of the whole organization"
              value={v.partnerId}
              selectedName={v.partnerName}
              error={form.errors.partnerId}
              onChange={(id, name) => {
                form.setValues({ partnerId: id, partnerName: name, serviceId: null });
              }}
            />
            <Select
              label="Service"
              placeholder={v.partnerId ? "All of the partner's services" : "Choose a partner first"}
              description="Narrow the risk to one service of the partner"
              disabled={!v.partnerId}
              clearable
              data={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              {...form.getInputProps("serviceId")}
            />
          </SimpleGrid>
          <Divider label="Scores" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                Inherent (before controls)
              </Text>
              <RatingPicker
                label="Likelihood"
                kind="likelihood"
                ariaLabel="Inherent likelihood"
                value={v.inherentLikelihood}
                onChange={(n) => form.setFieldValue("inherentLikelihood", n)}
              />
              <RatingPicker
                label="Impact"
                kind="impact"
                ariaLabel="Inherent impact"
                value={v.inherentImpact}
                onChange={(n) => form.setFieldValue("inherentImpact", n)}
              />
              <ScorePreview
                likelihood={v.inherentLikelihood}
                impact={v.inherentImpact}
                thresholds={thresholds}
              />
            </Stack>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                Residual (after controls)
              </Text>
              <RatingPicker
                label="Likelihood"
                kind="likelihood"
                ariaLabel="Residual likelihood"
                value={v.residualLikelihood}
                onChange={(n) => form.setFieldValue("residualLikelihood", n)}
                error={residual.residualLikelihood ?? form.errors.residualLikelihood}
              />
              <RatingPicker
                label="Impact"
                kind="impact"
                ariaLabel="Residual impact"
                value={v.residualImpact}
                onChange={(n) => form.setFieldValue("residualImpact", n)}
                error={residual.residualImpact ?? form.errors.residualImpact}
              />
              <ScorePreview
                likelihood={v.residualLikelihood}
                impact={v.residualImpact}
                thresholds={thresholds}
              />
            </Stack>
          </SimpleGrid>
          <Divider label="Treatment and review" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label="Treatment"
              data={TREATMENT_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("treatment")}
            />
            <Select
              label="Status"
              data={statusOptions}
              allowDeselect={false}
              {...form.getInputProps("status")}
            />
            <NumberInput
              label="Review every (days)"
              min={1}
              max={1095}
              allowDecimal={false}
              {...form.getInputProps("reviewIntervalDays")}
            />
            <DatePickerInput
              label="Next review"
              placeholder="Today + interval"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("nextReviewDate")}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            placeholder="What could happen, why, and what it would cost us"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps("description")}
          />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {risk ? "Save risk" : "Add risk"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
