import { Modal, PasswordInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateUser } from "../../../../domain/auth";
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import { FormActions } from "../../components/FormParts";
import { zodErrors } from "../../lib/forms";
import { notifyError, notifySuccess } from "../../lib/notify";
import { hasFieldErrors, useServerErrors } from "../../lib/useServerErrors";

/** Role options with a hint of what each may do. */
export const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const blank = () => ({ name: "", email: "", role: "viewer" as string, password: "" });

/**
 * Creates a colleague's account with an initial password the admin hands over; they should change
 * it after the first sign-in (no email invitations yet).
 */
export function UserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: blank(), validate: (v) => zodErrors(CreateUser, v) });
  const create = useMutation({
    mutationFn: (body: { name: string; email: string; role: StaffRole; password: string }) =>
      unwrap(api.POST("/api/v1/users", { body })),
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
      <form onSubmit={form.onSubmit((v) => create.mutate({ ...v, role: v.role as StaffRole }))} noValidate>
        <Stack gap="md">
          <TextInput label="Full name" withAsterisk data-autofocus {...form.getInputProps("name")} />
          <TextInput label="Email" type="email" withAsterisk {...form.getInputProps("email")} />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps("role")}
          />
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
