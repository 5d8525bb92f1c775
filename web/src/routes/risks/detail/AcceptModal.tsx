import { Modal, Stack, Text, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { AcceptRisk, acceptanceExpiryProblems } from "../../../../../domain/risks";
import { addDays, todayUtc } from "../../../../../domain/time";
import { api, unwrap } from "../../../api/client";
import { FormActions, FormError } from "../../../components/FormParts";
import { zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { type Risk, riskKeys } from "../queries";

type Values = { justification: string; expiresAt: string | null };

function validate(v: Values) {
  const body = { justification: v.justification.trim(), expiresAt: v.expiresAt ?? "" };
  const errors = zodErrors(AcceptRisk, body);
  if (!v.expiresAt) errors.expiresAt = "Choose when the acceptance expires";
  else for (const p of acceptanceExpiryProblems(v.expiresAt, todayUtc())) errors.expiresAt ??= p.message;
  return errors;
}

/**
 * Formally accept a risk: a justification and an expiry (at most three years). When it expires the
 * risk reopens, so acceptance is a decision with a date on it, not a way to forget a risk.
 */
export function AcceptModal(props: { opened: boolean; risk: Risk; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: { justification: "", expiresAt: null }, validate });
  const accept = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/v1/risks/{id}/accept", {
          params: { path: { id: props.risk.id } },
          body: { justification: v.justification.trim(), expiresAt: v.expiresAt as string },
        }),
      ),
    onSuccess: () => {
      notifySuccess("Risk accepted", props.risk.title);
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["partners"] });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues({ justification: "", expiresAt: addDays(todayUtc(), 365) });
    form.clearErrors();
    accept.reset();
  }, [props.opened]);
  useServerErrors(form, accept.error);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Accept this risk</Text>}>
      <form onSubmit={form.onSubmit((v) => accept.mutate(v))} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The residual score ({props.risk.residual.score}, {props.risk.residual.level}) stays as it is and
            the risk is marked accepted until the expiry date, when it reopens for a new decision.
          </Text>
          <FormError error={accept.error} />
          <Textarea
            label="Justification"
            description="Why the organization can live with this risk"
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            {...form.getInputProps("justification")}
          />
          <DatePickerInput
            label="Acceptance expires"
            withAsterisk
            valueFormat="D MMM YYYY"
            minDate={addDays(todayUtc(), 1)}
            maxDate={addDays(todayUtc(), 1095)}
            {...form.getInputProps("expiresAt")}
          />
          <FormActions onCancel={props.onClose} pending={accept.isPending}>
            Accept risk
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
