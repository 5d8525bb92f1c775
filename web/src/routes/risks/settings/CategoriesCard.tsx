import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CreateRiskCategory } from "../../../../../domain/risks";
import { api, unwrap } from "../../../api/client";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { FormActions, FormError } from "../../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { type RiskCategory, riskKeys } from "../queries";

type Values = { name: string; description: string };
const toBody = (v: Values) => ({ name: v.name.trim(), description: nullIfBlank(v.description) });

/** Add a category of the organization's own, or rename one (built-in ones too). */
function CategoryModal(props: { opened: boolean; category: RiskCategory | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { name: "", description: "" },
    validate: (v) => zodErrors(CreateRiskCategory, toBody(v)),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      props.category
        ? unwrap(
            api.PATCH("/api/v1/risk-categories/{id}", {
              params: { path: { id: props.category.id } },
              body: toBody(v),
            }),
          )
        : unwrap(api.POST("/api/v1/risk-categories", { body: toBody(v) })),
    onSuccess: (c) => {
      notifySuccess(props.category ? "Category saved" : "Category added", c.name);
      void queryClient.invalidateQueries({ queryKey: riskKeys.categories });
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues({ name: props.category?.name ?? "", description: props.category?.description ?? "" });
    form.clearErrors();
    save.reset();
  }, [props.opened, props.category]);
  useServerErrors(form, save.error);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.category ? "Rename category" : "New category"}</Text>}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps("name")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {props.category ? "Save category" : "Add category"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** The risk taxonomy: built-in categories (renamable) and the organization's own. */
export function CategoriesCard({ categories, canEdit }: { categories: RiskCategory[]; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<RiskCategory | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<RiskCategory | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/risk-categories/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess("Category deleted", deleting?.name);
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: riskKeys.categories });
    },
    onError: (e) => {
      setDeleting(null);
      notifyError(e, "Could not delete the category");
    },
  });
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={5}>Risk categories</Title>
          <Text size="sm" c="dimmed">
            Built-in categories can be renamed; signals keep finding them by their key.
          </Text>
        </div>
        {canEdit && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing(null)}
          >
            New category
          </Button>
        )}
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Category</Table.Th>
            <Table.Th w={90}>Risks</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {c.name}
                  </Text>
                  <Badge size="xs" variant="light" color={c.builtin ? "gray" : "brand"}>
                    {c.builtin ? "Built-in" : "Custom"}
                  </Badge>
                </Group>
                {c.description && (
                  <Text size="xs" c="dimmed">
                    {c.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm">{c.riskCount}</Table.Td>
              <Table.Td>
                {canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Rename ${c.name}`}
                      onClick={() => setEditing(c)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    {!c.builtin && (
                      <Tooltip label={c.riskCount ? "Used by risks: move them first" : "Delete"}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${c.name}`}
                          disabled={c.riskCount > 0}
                          onClick={() => setDeleting(c)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CategoryModal
        opened={editing !== undefined}
        category={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        loading={remove.isPending}
        title={`Delete ${deleting?.name ?? "category"}?`}
        confirmLabel="Delete category"
      >
        No risk uses this category. The audit trail keeps a record of it.
      </ConfirmModal>
    </Card>
  );
}
