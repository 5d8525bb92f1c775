import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconClockPause } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { api, errorMessage, isApiError, unwrap } from "../../api/client";
import { meQuery } from "../../api/session";
import { AuthLayout } from "./AuthLayout";

/** Sign-in with email and password; explains a wrong password and a temporary lock-out apart. */
export function SignInPage() {
  const search = useSearch({ from: "/sign-in" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (v.trim() ? null : "Enter your email"),
      password: (v) => (v ? null : "Enter your password"),
    },
  });
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST("/api/v1/auth/login", { body })),
    onSuccess: async () => {
      await queryClient.fetchQuery(meQuery);
      await navigate({ to: search.redirect ?? "/" });
    },
  });
  const error = login.error;
  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your organization's workspace.">
      <form
        onSubmit={form.onSubmit((v) => login.mutate({ email: v.email.trim(), password: v.password }))}
        noValidate
      >
        <Stack gap="md">
          {error && (
            <Alert
              color={isApiError(error, 429) ? "orange" : "red"}
              icon={isApiError(error, 429) ? <IconClockPause size={18} /> : <IconAlertCircle size={18} />}
              title={
                isApiError(error, 429)
                  ? "Too many attempts"
                  : isApiError(error, 401)
                    ? "Wrong email or password"
                    : "Sign-in failed"
              }
            >
              {isApiError(error, 401) ? "Check both and try again." : errorMessage(error)}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            placeholder="you@company.com"
            autoFocus
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps("password")}
          />
          <Button type="submit" fullWidth size="md" loading={login.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
