import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { SetupBody } from "../../../../domain/auth";
import { api, errorMessage, isApiError, unwrap } from "../../api/client";
import { serverErrors, zodErrors } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { AuthLayout } from "./AuthLayout";

interface Values {
  organizationName: string;
  name: string;
  email: string;
  password: string;
  confirm: string;
}

/** First-run onboarding: creates the organization and its first administrator, then signs in. */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { organizationName: "", name: "", email: "", password: "", confirm: "" },
    validateInputOnBlur: true,
    validate: (v) => {
      const errors: Record<string, string> = zodErrors(SetupBody, v);
      if (v.confirm !== v.password) errors.confirm = "The passwords do not match";
      return errors;
    },
  });
  const setup = useMutation({
    mutationFn: ({ confirm: _c, ...body }: Values) => unwrap(api.POST("/api/v1/setup", { body })),
    onSuccess: async (me) => {
      queryClient.setQueryData(["me"], me);
      queryClient.setQueryData(["setup"], { needsSetup: false });
      notifySuccess(
        `Welcome to Outsight, ${me.user.name.split(" ")[0]}`,
        `${me.organization.name} is ready.`,
      );
      await navigate({ to: "/" });
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        queryClient.setQueryData(["setup"], { needsSetup: false });
        return;
      }
      form.setErrors(serverErrors(error));
    },
  });
  const alreadySetUp = isApiError(setup.error, 409);
  const otherError = setup.error && !alreadySetUp && Object.keys(serverErrors(setup.error)).length === 0;
  return (
    <AuthLayout
      title="Set up Outsight"
      subtitle="Create your organization and the first administrator account. You can invite colleagues next."
    >
      <form onSubmit={form.onSubmit((v) => setup.mutate(v))} noValidate>
        <Stack gap="md">
          {alreadySetUp && (
            <Alert color="blue" icon={<IconAlertCircle size={18} />} title="Already set up">
              Someone finished set-up a moment ago.{" "}
              <Text
                span
                inherit
                fw={600}
                style={{ cursor: "pointer" }}
                onClick={() => navigate({ to: "/sign-in" })}
              >
                Sign in instead.
              </Text>
            </Alert>
          )}
          {otherError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="Set-up failed">
              {errorMessage(setup.error)}
            </Alert>
          )}
          <TextInput
            label="Organization name"
            placeholder="Acme Holdings"
            autoFocus
            withAsterisk
            {...form.getInputProps("organizationName")}
          />
          <Divider label="Your administrator account" labelPosition="left" mt={4} />
          <TextInput
            label="Full name"
            placeholder="Ada Lovelace"
            autoComplete="name"
            withAsterisk
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Work email"
            type="email"
            placeholder="ada@acme.com"
            autoComplete="email"
            withAsterisk
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters. A long phrase is easier to remember than symbols."
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps("confirm")}
          />
          <Button type="submit" size="md" fullWidth loading={setup.isPending} mt="xs">
            Create organization
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
