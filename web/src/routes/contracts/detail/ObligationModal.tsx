import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { RECURRENCES } from "../../../../../domain/contract-terms";
import { CreateObligation, OBLIGATION_STATUSES } from "../../../../../domain/contracts";
import { api, unwrap } from "../../../api/client";
import { FormActions, FormError } from "../../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { OBLIGATION_STATUS_LABELS, RECURRENCE_LABELS, SIDE_LABELS } from "../labels";
import { contractKeys, type Obligation } from "../queries";

type Values = Pick<Obligation, "side" | "recurrence" | "status"> & {
  title: string;
  dueDate: string | null;
  evidenceNote: string;
};

const fromObligation = (o: Obligation | null): Values => ({
  title: o?.title ?? "",
  side: o?.side ?? "theirs",
  dueDate: o?.dueDate ?? null,
  recurrence: o?.recurrence ?? "none",
  status: o?.status ?? "open",
  evidenceNote: o?.evidenceNote ?? "",
});

const toBody = (v: Values) => ({
  title: v.title.trim(),
  side: v.side,
  dueDate: v.dueDate || null,
  recurrence: v.recurrence,
  status: v.status,
  evidenceNote: nullIfBlank(v.evidenceNote),
});

const RECURRENCE_OPTIONS = RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }));
const STATUS_OPTIONS = OBLIGATION_STATUSES.map((s) => ({ value: s, label: OBLIGATION_STATUS_LABELS[s] }));
const SIDE_OPTIONS = [
  { value: "theirs", label: `${SIDE_LABELS.theirs}: the partner delivers` },
  { value: "ours", label: `${SIDE_LABELS.ours}: we deliver` },
];

/** Add or edit an obligation: what, whose, when, how often, and the evidence it was met. */
export function ObligationModal(props: {
  opened: boolean;
  onClose: () => void;
  contractId: string;
  obligation: Obligation | null;
}) {
  const { obligation } = props;
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: fromObligation(null),
    validate: (v) => {
      const errors = zodErrors(CreateObligation, toBody(v));
      if (v.recurrence !== "none" && !v.dueDate) errors.dueDate ??= "A recurring obligation needs a due date";
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      obligation
        ? unwrap(
            api.PATCH("/api/v1/contracts/{id}/obligations/{obligationId}", {
              params: { path: { id: props.contractId, obligationId: obligation.id } },
              body: toBody(v),
            }),
          )
        : unwrap(
            api.POST("/api/v1/contracts/{id}/obligations", {
              params: { path: { id: props.contractId } },
              body: toBody(v),
            }),
          ),
    onSuccess: (saved) => {
      notifySuccess(obligation ? "Obligation saved" : "Obligation added", saved.title);
      void queryClient.invalidateQueries({ queryKey: contractKeys.detail(props.contractId) });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromObligation(obligation));
    form.clearErrors();
    save.reset();
  }, [props.opened, obligation]);
  useServerErrors(form, save.error);

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>{obligation ? "Edit obligation" : "New obligation"}</Text>}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label="Title"
            placeholder="Quarterly SOC 2 bridge letter"
            withAsterisk
            data-autofocus
            {...form.getInputProps("title")}
          />
          <SegmentedControl data={SIDE_OPTIONS} {...form.getInputProps("side")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DatePickerInput
              label="Due"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("dueDate")}
            />
            <Select
              label="Repeats"
              data={RECURRENCE_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("recurrence")}
            />
            <Select
              label="Status"
              data={STATUS_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("status")}
            />
          </SimpleGrid>
          <Textarea
            label="Evidence"
            description="Where the proof is, or why it was waived"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("evidenceNote")}
          />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {obligation ? "Save obligation" : "Add obligation"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
