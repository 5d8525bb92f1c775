import { Alert, Anchor, Button, Group, PasswordInput, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconClockX, IconLinkOff, IconMail } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { Password, PersonName } from "../../../../domain/auth";
import { api, errorMessage, isApiError, unwrap } from "../../api/client";
import { meQuery } from "../../api/session";
import { formatDateTime } from "../../lib/format";
import { zodErrors } from "../../lib/forms";
import { hasFieldErrors, useServerErrors } from "../../lib/useServerErrors";
import type { InvitationPreview } from "../users/types";
import { AuthLayout } from "./AuthLayout";

/** The link is unknown, used, revoked (404) or out of date (410): say which and what to do. */
function DeadLink({ error }: { error: unknown }) {
  const expired = isApiError(error, 410);
  const invalid = isApiError(error, 404);
  return (
    <AuthLayout
      title={
        expired ? "This invitation has expired" : invalid ? "This link does not work" : "Something went wrong"
      }
      subtitle={
        expired
          ? "Invitation links are valid for 7 days."
          : invalid
            ? "It may have been used already, replaced by a newer invitation, or withdrawn."
            : "We could not open this invitation."
      }
    >
      <Stack gap="md">
        <Alert
          color={expired ? "orange" : "red"}
          icon={expired ? <IconClockX size={18} /> : <IconLinkOff size={18} />}
        >
          {expired
            ? "Ask your contact at the organization that invited you to send a new invitation."
            : invalid
              ? "If you already set your password, sign in. Otherwise ask for a new invitation."
              : errorMessage(error)}
        </Alert>
        <Button component={Link} to="/sign-in" variant="light" fullWidth>
          Go to sign-in
        </Button>
      </Stack>
    </AuthLayout>
  );
}

/** Checks the form with the server's own password rules, plus the confirmation. */
function validate(email: string) {
  return (v: { name: string; password: string; confirm: string }) => {
    const out: Record<string, string> = {};
    if (zodErrors(PersonName, v.name).form) out.name = "Enter your name (at most 120 characters)";
    const password = zodErrors(Password, v.password).form;
    if (password) out.password = v.password ? password : "Choose a password";
    else if (v.password.toLowerCase() === email.toLowerCase()) out.password = "Must differ from your email";
    if (!out.password && v.confirm !== v.password) out.confirm = "The passwords do not match";
    return out;
  };
}

/**
 * Public page behind an invitation link: shows who invited whom for which partner, lets the
 * person set their name and password, then signs them in to the partner portal.
 */
export function AcceptInvitationPage() {
  const { token } = useParams({ from: "/invitations/$token" });
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => unwrap(api.GET("/api/v1/invitations/accept/{token}", { params: { path: { token } } })),
    retry: false,
  });
  if (preview.isError) return <DeadLink error={preview.error} />;
  if (!preview.data)
    return (
      <AuthLayout title="Opening your invitation…" subtitle="One moment.">
        <Stack gap="md">
          <Skeleton height={60} />
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      </AuthLayout>
    );
  return <AcceptForm token={token} invitation={preview.data} />;
}

/** The name and password form of a live invitation. */
function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: invitation.name, password: "", confirm: "" },
    validate: validate(invitation.email),
    validateInputOnBlur: true,
  });
  const accept = useMutation({
    mutationFn: (body: { password: string; name?: string }) =>
      unwrap(api.POST("/api/v1/invitations/accept/{token}", { params: { path: { token } }, body })),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: "/portal" });
    },
  });
  useServerErrors(form, accept.error);

  if (accept.error && (isApiError(accept.error, 404) || isApiError(accept.error, 410)))
    return <DeadLink error={accept.error} />;
  const taken = isApiError(accept.error, 409);
  return (
    <AuthLayout
      title={`Join ${invitation.organization}`}
      subtitle={
        <>
          {invitation.organization} invites you to answer questionnaires on behalf of{" "}
          <Text span fw={600} c="dark">
            {invitation.partner}
          </Text>
          . Choose a password to sign in.
        </>
      }
    >
      <form
        onSubmit={form.onSubmit((v) =>
          accept.mutate({ password: v.password, name: v.name.trim() || undefined }),
        )}
        noValidate
      >
        <Stack gap="md">
          {taken && (
            <Alert color="orange" icon={<IconAlertCircle size={18} />} title="You already have an account">
              An account with this email exists.{" "}
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>{" "}
              instead.
            </Alert>
          )}
          {accept.error && !taken && !hasFieldErrors(accept.error) && (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {errorMessage(accept.error)}
            </Alert>
          )}
          <Group gap="xs" wrap="nowrap">
            <IconMail size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm">
              You will sign in as <b>{invitation.email}</b>
            </Text>
          </Group>
          <TextInput label="Your name" autoComplete="name" withAsterisk {...form.getInputProps("name")} />
          <PasswordInput
            label="Password"
            description="At least 10 characters; a passphrase is easiest to remember."
            autoComplete="new-password"
            withAsterisk
            data-autofocus
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps("confirm")}
          />
          <Button type="submit" fullWidth size="md" loading={accept.isPending} mt="xs">
            Set password and sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            This link works once and expires on {formatDateTime(invitation.expiresAt)}.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
