import { Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CreateRiskTask, TASK_STATUSES, type TaskStatus } from "../../../../../domain/risk-treatment";
import { FormActions, FormError } from "../../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { TASK_STATUS_LABELS } from "../../../lib/risks";
import { useOwnerOptions } from "../../../lib/useOwnerOptions";
import { useServerErrors } from "../../../lib/useServerErrors";
import type { RiskTask } from "./TasksCard";

const fromTask = (t: RiskTask | null) => ({
  title: t?.title ?? "",
  description: t?.description ?? "",
  assigneeId: t?.assignee?.id ?? (null as string | null),
  dueDate: t?.dueDate ?? (null as string | null),
  status: t?.status ?? ("open" as TaskStatus),
});
type Values = ReturnType<typeof fromTask>;

/** The task body the API takes. */
export const toTaskBody = (v: Values) => ({
  ...v,
  title: v.title.trim(),
  description: nullIfBlank(v.description),
});
export type TaskBody = ReturnType<typeof toTaskBody>;

/** Create or edit a treatment task: what to do, who does it, by when. */
export function TaskModal(props: {
  opened: boolean;
  task: RiskTask | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: TaskBody) => void;
}) {
  const form = useForm<Values>({
    initialValues: fromTask(null),
    validate: (v) => zodErrors(CreateRiskTask, toTaskBody(v)),
  });
  const assignees = useOwnerOptions([props.task?.assignee]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens on another task
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromTask(props.task));
    form.clearErrors();
  }, [props.opened, props.task]);
  useServerErrors(form, props.error);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.task ? "Edit task" : "New treatment task"}</Text>}
    >
      <form onSubmit={form.onSubmit((v) => props.onSubmit(toTaskBody(v)))} noValidate>
        <Stack gap="md">
          <FormError error={props.error} />
          <TextInput
            label="Task"
            placeholder="Encrypt the payroll export at rest"
            withAsterisk
            data-autofocus
            {...form.getInputProps("title")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Assignee"
              placeholder="Unassigned"
              clearable
              data={assignees}
              {...form.getInputProps("assigneeId")}
            />
            <DatePickerInput
              label="Due"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("dueDate")}
            />
            <Select
              label="Status"
              data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
              allowDeselect={false}
              {...form.getInputProps("status")}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
          <FormActions onCancel={props.onClose} pending={props.pending}>
            {props.task ? "Save task" : "Add task"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
