import { Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { CONTROL_EFFECTIVENESS, CONTROL_TYPES, CreateControl } from "../../../../../domain/risk-treatment";
import { api, unwrap } from "../../../api/client";
import { FormActions, FormError } from "../../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { CONTROL_TYPE_LABELS, EFFECTIVENESS_LABELS } from "../../../lib/risks";
import { useOwnerOptions } from "../../../lib/useOwnerOptions";
import { useServerErrors } from "../../../lib/useServerErrors";

const blank = () => ({
  name: "",
  type: "preventive" as (typeof CONTROL_TYPES)[number],
  effectiveness: "not_tested" as (typeof CONTROL_EFFECTIVENESS)[number],
  description: "",
  ownerId: null as string | null,
});
type Values = ReturnType<typeof blank>;
const toBody = (v: Values) => ({ ...v, name: v.name.trim(), description: nullIfBlank(v.description) });

/** Adds a control to the library; the caller links it to the risk it was created from. */
export function ControlModal(props: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (v) => zodErrors(CreateControl, toBody(v)),
  });
  const owners = useOwnerOptions();
  const create = useMutation({
    mutationFn: (v: Values) => unwrap(api.POST("/api/v1/controls", { body: toBody(v) })),
    onSuccess: (c) => props.onCreated(c.id),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(blank());
    form.clearErrors();
    create.reset();
  }, [props.opened]);
  useServerErrors(form, create.error);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>New control</Text>}>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="md">
          <FormError error={create.error} />
          <TextInput
            label="Name"
            placeholder="Quarterly access review"
            withAsterisk
            data-autofocus
            {...form.getInputProps("name")}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Type"
              data={CONTROL_TYPES.map((t) => ({ value: t, label: CONTROL_TYPE_LABELS[t] }))}
              allowDeselect={false}
              {...form.getInputProps("type")}
            />
            <Select
              label="Effectiveness"
              data={CONTROL_EFFECTIVENESS.map((e) => ({ value: e, label: EFFECTIVENESS_LABELS[e] }))}
              allowDeselect={false}
              {...form.getInputProps("effectiveness")}
            />
          </SimpleGrid>
          <Select
            label="Owner"
            placeholder="Unassigned"
            clearable
            data={owners}
            {...form.getInputProps("ownerId")}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("description")}
          />
          <FormActions onCancel={props.onClose} pending={create.isPending}>
            Create and link
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
