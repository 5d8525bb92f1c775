import { Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { DismissSignal } from "../../../../domain/signals/api";
import { FormActions, FormError } from "../../components/FormParts";
import { zodErrors } from "../../lib/forms";
import { useServerErrors } from "../../lib/useServerErrors";
import type { RiskSignal } from "./queries";

/**
 * Dismiss a signal with a reason. The reason is required: a dismissed signal stays quiet until its
 * facts change, so the next reader needs to know why it was judged not to be a risk.
 */
export function DismissModal(props: {
  signal: RiskSignal | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const form = useForm({
    initialValues: { reason: "" },
    validate: (v) => {
      const errors = zodErrors(DismissSignal, { reason: v.reason.trim() });
      if (errors.reason && v.reason.trim().length < 3)
        errors.reason = "Say in a few words why (at least 3 characters)";
      return errors;
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when a new signal is opened
  useEffect(() => {
    if (!props.signal) return;
    form.setValues({ reason: "" });
    form.clearErrors();
  }, [props.signal]);
  useServerErrors(form, props.error);
  return (
    <Modal
      opened={props.signal !== null}
      onClose={props.onClose}
      title={<Text fw={600}>Dismiss signal</Text>}
    >
      <form onSubmit={form.onSubmit((v) => props.onSubmit(v.reason.trim()))} noValidate>
        <Stack gap="md">
          <Text size="sm">{props.signal?.title}</Text>
          <Text size="xs" c="dimmed">
            The signal stays dismissed while its facts stay the same; if they change, it comes back.
          </Text>
          <FormError error={props.error} />
          <Textarea
            label="Reason"
            placeholder="The data is pseudonymised before it leaves the EU"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps("reason")}
          />
          <FormActions onCancel={props.onClose} pending={props.pending} color="red">
            Dismiss signal
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
