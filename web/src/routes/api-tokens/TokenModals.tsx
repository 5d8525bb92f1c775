import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateApiToken } from "../../../../domain/auth";
import { grantableTokenRoles, ROLE_LABELS, type StaffRole } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import type { CreatedApiToken, Me } from "../../api/types";
import { FormActions } from "../../components/FormParts";
import { ShownOnce } from "../../components/ShownOnce";
import { zodErrors } from "../../lib/forms";
import { notifyError } from "../../lib/notify";
import { hasFieldErrors, useServerErrors } from "../../lib/useServerErrors";

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "180", label: "180 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never (not recommended)" },
];

/** Creates a token; the role choice is limited to what the creator may grant. */
export function CreateTokenModal({
  me,
  opened,
  onClose,
  onCreated,
}: {
  me: Me;
  opened: boolean;
  onClose: () => void;
  onCreated: (t: CreatedApiToken) => void;
}) {
  const queryClient = useQueryClient();
  const roles = grantableTokenRoles(me.user.role);
  const form = useForm({
    initialValues: { name: "", role: roles.includes("viewer") ? "viewer" : (roles[0] ?? ""), expiry: "90" },
    validate: (v) => zodErrors(CreateApiToken, { name: v.name, role: v.role }),
  });
  const create = useMutation({
    mutationFn: (body: { name: string; role: StaffRole; expiresInDays?: number }) =>
      unwrap(api.POST("/api/v1/api-tokens", { body })),
    onSuccess: (t) => {
      void queryClient.invalidateQueries({ queryKey: ["api-tokens"] });
      close();
      onCreated(t);
    },
    onError: (e) => {
      if (!hasFieldErrors(e)) notifyError(e, "Could not create the token");
    },
  });
  useServerErrors(form, create.error, (p) => (p === "expiresInDays" ? "expiry" : p));
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Create an API token</Text>}>
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate({
            name: v.name.trim(),
            role: v.role as StaffRole,
            expiresInDays: v.expiry === "never" ? undefined : Number(v.expiry),
          }),
        )}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            description="What uses it, e.g. “Procurement sync”"
            withAsterisk
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Select
            label="Role"
            description="The token acts with this role; it can never exceed yours"
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps("role")}
          />
          <Select
            label="Expires after"
            data={EXPIRY}
            allowDeselect={false}
            {...form.getInputProps("expiry")}
          />
          <FormActions onCancel={close} pending={create.isPending} mt="xs">
            Create token
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** Shows a new token's secret exactly once, with a copy button and a clear warning. */
export function TokenRevealModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={<Text fw={600}>Your new API token</Text>}
      size="lg"
      closeOnClickOutside={false}
    >
      {token && (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Copy it now">
            This is the only time the token is shown. Store it in your secret manager; if it is lost, revoke
            it and create another.
          </Alert>
          <ShownOnce value={token.token} copyLabel="Copy token" />
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer {token.prefix}…</Code> to the API. It acts as{" "}
            <b>{ROLE_LABELS[token.role]}</b>.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
