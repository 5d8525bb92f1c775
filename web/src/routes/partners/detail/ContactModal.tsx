import { Modal, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CreateContact } from "../../../../../domain/partner-parts";
import type { Contact } from "../../../api/types";
import { FormActions, FormError } from "../../../components/FormParts";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { useServerErrors } from "../../../lib/useServerErrors";

export interface ContactBody {
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  isPrimary: boolean;
}

const blank = () => ({ name: "", email: "", phone: "", role: "", isPrimary: false });
type Values = ReturnType<typeof blank>;

const toBody = (v: Values): ContactBody => ({
  name: v.name.trim(),
  email: nullIfBlank(v.email),
  phone: nullIfBlank(v.phone),
  role: nullIfBlank(v.role),
  isPrimary: v.isPrimary,
});

/** Create or edit a person at the partner. */
export function ContactModal(props: {
  opened: boolean;
  contact: Contact | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: ContactBody) => void;
}) {
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (v) => zodErrors(CreateContact, toBody(v)),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens on another contact
  useEffect(() => {
    if (!props.opened) return;
    const c = props.contact;
    form.setValues(
      c
        ? {
            name: c.name,
            email: c.email ?? "",
            phone: c.phone ?? "",
            role: c.role ?? "",
            isPrimary: c.isPrimary,
          }
        : blank(),
    );
    form.clearErrors();
  }, [props.opened, props.contact]);
  useServerErrors(form, props.error);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.contact ? "Edit contact" : "Add a contact"}</Text>}
    >
      <form onSubmit={form.onSubmit((v) => props.onSubmit(toBody(v)))} noValidate>
        <Stack gap="md">
          <FormError error={props.error} />
          <TextInput
            label="Name"
            placeholder="Priya Sharma"
            withAsterisk
            data-autofocus
            {...form.getInputProps("name")}
          />
          <TextInput label="Role" placeholder="Delivery manager" {...form.getInputProps("role")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Email"
              type="email"
              placeholder="priya@partner.example"
              {...form.getInputProps("email")}
            />
            <TextInput label="Phone" placeholder="+91 20 5555 0100" {...form.getInputProps("phone")} />
          </SimpleGrid>
          <Switch
            label="Primary contact"
            description="The first person to call about this partner"
            {...form.getInputProps("isPrimary", { type: "checkbox" })}
          />
          <FormActions onCancel={props.onClose} pending={props.pending} mt="xs">
            {props.contact ? "Save contact" : "Add contact"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
