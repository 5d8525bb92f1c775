import {
  ActionIcon,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { NDA_TYPES } from "../../../../domain/ndas";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";
import { NDA_TYPE_LABELS } from "./labels";
import {
  blankSignatory,
  changedFields,
  fromNda,
  liveProblems,
  toBody,
  type Values,
  validate,
} from "./ndaForm";
import { type Nda, ndaKeys } from "./queries";

const TYPE_OPTIONS = NDA_TYPES.map((t) => ({ value: t, label: NDA_TYPE_LABELS[t] }));
const PARTY_OPTIONS = [
  { value: "ours", label: "Ours" },
  { value: "theirs", label: "Theirs" },
];

/**
 * Create or edit an NDA: partner, type, scope, dates, consequences of breach, the signed copy's
 * link and the signatories (a small repeatable list). The expiry is checked against the effective
 * date as the user types, with the shared domain rule.
 */
export function NdaFormModal(props: {
  opened: boolean;
  onClose: () => void;
  nda: Nda | null;
  partner?: { id: string; name: string };
}) {
  const { nda } = props;
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: fromNda(null), validate });
  const save = useMutation({
    mutationFn: (v: Values) =>
      nda
        ? unwrap(
            api.PATCH("/api/v1/ndas/{id}", { params: { path: { id: nda.id } }, body: changedFields(nda, v) }),
          )
        : unwrap(api.POST("/api/v1/ndas", { body: { ...toBody(v), partnerId: v.partnerId as string } })),
    onSuccess: (saved) => {
      notifySuccess(nda ? "NDA saved" : "NDA added", saved.partner.name);
      void queryClient.invalidateQueries({ queryKey: ndaKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromNda(nda, props.partner));
    form.clearErrors();
    save.reset();
  }, [props.opened, nda]);
  useServerErrors(form, save.error);

  const v = form.values;
  const live = liveProblems(v);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={<Text fw={600}>{nda ? "Edit NDA" : "New NDA"}</Text>}
    >
      <form
        onSubmit={form.onSubmit((values) =>
          nda && Object.keys(changedFields(nda, values)).length === 0 ? props.onClose() : save.mutate(values),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PartnerSelect
              label="Partner"
              withAsterisk
              disabled={Boolean(nda)}
              description={nda ? "An NDA stays with its partner" : undefined}
              value={v.partnerId}
              selectedName={v.partnerName}
              error={form.errors.partnerId}
              onChange={(id, name) => form.setValues({ partnerId: id, partnerName: name })}
            />
            <Select label="Type" data={TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps("type")} />
          </SimpleGrid>
          <Textarea
            label="Scope"
            description="What the NDA covers"
            placeholder="Source code, architecture and customer data of the billing platform"
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps("scope")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DatePickerInput
              label="Effective"
              withAsterisk
              valueFormat="D MMM YYYY"
              {...form.getInputProps("effectiveDate")}
            />
            <DatePickerInput
              label="Expiry"
              placeholder="No expiry"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("expiryDate")}
              error={live.expiryDate ?? form.errors.expiryDate}
            />
          </SimpleGrid>
          <Textarea
            label="Consequences of breach"
            placeholder="Liquidated damages, termination rights, injunctive relief…"
            autosize
            minRows={2}
            {...form.getInputProps("consequences")}
          />
          <TextInput
            label="Signed document"
            placeholder="https://…"
            description="A link to the signed copy"
            {...form.getInputProps("signedDocumentUrl")}
          />
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                Signatories <span style={{ color: "var(--mantine-color-error)" }}>*</span>
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem("signatories", blankSignatory("theirs"))}
                disabled={v.signatories.length >= 20}
              >
                Add signatory
              </Button>
            </Group>
            {typeof form.errors.signatories === "string" && (
              <Text size="xs" c="red">
                {form.errors.signatories}
              </Text>
            )}
            {v.signatories.map((s, i) => (
              <Group key={s.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  placeholder="Name"
                  aria-label={`Signatory ${i + 1} name`}
                  style={{ flex: 2 }}
                  {...form.getInputProps(`signatories.${i}.name`)}
                />
                <TextInput
                  placeholder="Role"
                  aria-label={`Signatory ${i + 1} role`}
                  style={{ flex: 2 }}
                  {...form.getInputProps(`signatories.${i}.role`)}
                />
                <SegmentedControl
                  data={PARTY_OPTIONS}
                  aria-label={`Signatory ${i + 1} party`}
                  {...form.getInputProps(`signatories.${i}.party`)}
                />
                <DatePickerInput
                  placeholder="Signed on"
                  aria-label={`Signatory ${i + 1} signed on`}
                  clearable
                  valueFormat="D MMM YYYY"
                  w={150}
                  {...form.getInputProps(`signatories.${i}.signedOn`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  aria-label={`Remove signatory ${i + 1}`}
                  onClick={() => form.removeListItem("signatories", i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {nda ? "Save NDA" : "Add NDA"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
