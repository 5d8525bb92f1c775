import { Alert, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect } from "react";
import { CreateLifecycleException } from "../../../../../domain/lifecycle";
import { FormActions, FormError } from "../../../components/FormParts";
import { zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { useRecordException } from "./lifecycle";

const MIN = 20;

/**
 * Records a justified exception to the due-diligence gate, so the partner may enter contracting
 * without a passing assessment. The justification is checked with the server's own schema as the
 * user types (at least 20 characters once trimmed); server field errors land on the field too.
 */
export function LifecycleExceptionModal(props: {
  opened: boolean;
  partnerId: string;
  partnerName: string;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: { justification: "" },
    validateInputOnBlur: true,
    validate: (v) => zodErrors(CreateLifecycleException, { toStatus: "contracting", ...v }),
  });
  const record = useRecordException(props.partnerId, () => {
    notifySuccess("Exception recorded", `${props.partnerName} may now move to Contracting`);
    props.onClose();
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.reset();
    record.reset();
  }, [props.opened]);
  useServerErrors(form, record.error);
  const length = form.values.justification.trim().length;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>Record an exception to due diligence</Text>}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          record.mutate({ toStatus: "contracting", justification: v.justification.trim() }),
        )}
      >
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            {props.partnerName} has no passing due-diligence assessment. An exception lets it move to
            Contracting anyway; it is kept with the partner and recorded in the audit trail with your name.
          </Alert>
          <FormError error={record.error} />
          <Textarea
            label="Justification"
            description="Why is contracting justified without a passing assessment? Who accepted the risk?"
            placeholder="e.g. Long-standing supplier of the group, audited by the parent company in 2026; the questionnaire follows within 60 days."
            withAsterisk
            autosize
            minRows={4}
            maxRows={10}
            data-autofocus
            {...form.getInputProps("justification")}
          />
          <Text size="xs" c={length < MIN ? "dimmed" : "teal"} mt={-8}>
            {length < MIN ? `${length} of at least ${MIN} characters` : `${length} characters`}
          </Text>
          <FormActions onCancel={props.onClose} pending={record.isPending} color="orange">
            Record exception
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
