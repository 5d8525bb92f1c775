import { Modal, PasswordInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateUser } from "../../../../domain/auth";
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";
import { FormActions } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { zodErrors } from "../../lib/forms";
import { notifyError, notifySuccess } from "../../lib/notify";
import { hasFieldErrors, useServerErrors } from "../../lib/useServerErrors";

/** Role options with a hint of what each may do. */
export const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type CreateUserBody = NonNullable<
  paths["/api/v1/users"]["post"]["requestBody"]
>["content"]["application/json"];

const blank = () => ({ name: "", email: "", role: "viewer" as string, password: "", partnerId: "" });

type Values = ReturnType<typeof blank>;

/** The request body for the chosen role: a partner user also names their partner. */
const toBody = (v: Values): CreateUserBody =>
  v.role === "partner"
    ? { name: v.name, email: v.email, role: "partner", partnerId: v.partnerId, password: v.password }
    : { name: v.name, email: v.email, role: v.role as StaffRole, password: v.password };

/**
 * Creates an account with an initial password the admin hands over; they should change it after
 * the first sign-in. A partner (portal) user can be created this way where no mail server can
 * carry an invitation; otherwise "Invite partner user" is the better way.
 */
export function UserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (v) => {
      const errors = zodErrors(CreateUser, toBody(v));
      if (v.role === "partner" && !v.partnerId) errors.partnerId = "Pick the partner they answer for";
      return errors;
    },
  });
  const create = useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: ["users"] });
      notifySuccess("User created", `${u.name} can now sign in as ${ROLE_LABELS[u.role].toLowerCase()}.`);
      close();
    },
    onError: (e) => {
      if (!hasFieldErrors(e)) notifyError(e, "Could not create the user");
    },
  });
  useServerErrors(form, create.error);
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Add a user</Text>}>
      <form onSubmit={form.onSubmit((v) => create.mutate(toBody(v)))} noValidate>
        <Stack gap="md">
          <TextInput label="Full name" withAsterisk data-autofocus {...form.getInputProps("name")} />
          <TextInput label="Email" type="email" withAsterisk {...form.getInputProps("email")} />
          <Select
            label="Role"
            data={[...ROLE_OPTIONS, { value: "partner", label: ROLE_LABELS.partner }]}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps("role")}
          />
          {form.values.role === "partner" && (
            <PartnerSelect
              label="Partner"
              description="They see only this partner's questionnaires, in the partner portal."
              placeholder="Search partners"
              withAsterisk
              value={form.values.partnerId || null}
              error={form.errors.partnerId}
              onChange={(id) => form.setFieldValue("partnerId", id ?? "")}
            />
          )}
          <PasswordInput
            label="Initial password"
            description="At least 10 characters. Share it securely; they can change it under Account."
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps("password")}
          />
          <FormActions onCancel={close} pending={create.isPending} mt="xs">
            Create user
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
