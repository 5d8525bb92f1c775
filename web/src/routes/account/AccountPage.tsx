import { Button, Card, DataList, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { ChangePasswordBody } from "../../../../domain/auth";
import { ROLE_LABELS } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { serverErrors, zodErrors } from "../../lib/forms";
import { notifyError, notifySuccess } from "../../lib/notify";

/** The signed-in user's profile and password change. */
export function AccountPage() {
  const me = useMe();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: (v) => {
      const errors: Record<string, string> = zodErrors(ChangePasswordBody, v);
      if (v.confirm !== v.newPassword) errors.confirm = "The passwords do not match";
      return errors;
    },
  });
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST("/api/v1/me/password", { body })),
    onSuccess: () => {
      form.reset();
      notifySuccess("Password changed", "Your other sessions were signed out.");
    },
    onError: (e) => {
      const errors = serverErrors(e);
      if (Object.keys(errors).length) form.setErrors(errors);
      else notifyError(e, "Could not change the password");
    },
  });
  return (
    <>
      <PageHeader title="Account" description="Your profile and sign-in settings." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card>
          <Title order={4} mb="md">
            Profile
          </Title>
          <DataList>
            <DataList.Item>
              <DataList.ItemLabel>Name</DataList.ItemLabel>
              <DataList.ItemValue>{me.user.name}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Email</DataList.ItemLabel>
              <DataList.ItemValue>{me.user.email}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Role</DataList.ItemLabel>
              <DataList.ItemValue>{ROLE_LABELS[me.user.role]}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Organization</DataList.ItemLabel>
              <DataList.ItemValue>{me.organization.name}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Text size="xs" c="dimmed" mt="md">
            Ask an administrator to change your name or role.
          </Text>
        </Card>
        <Card>
          <Title order={4} mb="md">
            Change password
          </Title>
          <form
            onSubmit={form.onSubmit((v) =>
              change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
            )}
            noValidate
          >
            <Stack gap="sm">
              <PasswordInput
                label="Current password"
                autoComplete="current-password"
                {...form.getInputProps("currentPassword")}
              />
              <PasswordInput
                label="New password"
                description="At least 10 characters"
                autoComplete="new-password"
                {...form.getInputProps("newPassword")}
              />
              <PasswordInput
                label="Repeat new password"
                autoComplete="new-password"
                {...form.getInputProps("confirm")}
              />
              <Group justify="flex-end" mt="xs">
                <Button type="submit" loading={change.isPending}>
                  Change password
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </SimpleGrid>
    </>
  );
}
