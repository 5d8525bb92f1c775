import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconMailCheck, IconMailOff } from "@tabler/icons-react";
import { ShownOnce } from "../../components/ShownOnce";
import { formatDateTime } from "../../lib/format";
import type { CreatedInvitation } from "./types";

/** The link of an invitation, with a copy button: shown once, after inviting or resending. */
export function InviteLink({ invitation }: { invitation: CreatedInvitation }) {
  const mail = invitation.emailStatus;
  return (
    <Stack gap="md">
      {mail === "sent" ? (
        <Alert color="teal" icon={<IconMailCheck size={18} />} title="Invitation emailed">
          {invitation.name} got an email at <b>{invitation.email}</b> with this link.
        </Alert>
      ) : (
        <Alert
          color="orange"
          icon={mail === "failed" ? <IconAlertTriangle size={18} /> : <IconMailOff size={18} />}
          title={mail === "failed" ? "The email could not be sent" : "Email is not set up"}
        >
          {mail === "failed"
            ? "The mail server refused it. Send the link yourself, or resend the invitation later."
            : "This installation has no mail server. Send the link to the person yourself."}
        </Alert>
      )}
      <ShownOnce value={invitation.acceptUrl} copyLabel="Copy invitation link" />
      <Text size="sm" c="dimmed">
        The link is shown only now. It works once, until {formatDateTime(invitation.expiresAt)}, and lets{" "}
        {invitation.email} set a password and answer for {invitation.partner.name}.
      </Text>
    </Stack>
  );
}

/** A modal showing a re-sent invitation's new link. */
export function InviteResultModal({
  invitation,
  onClose,
}: {
  invitation: CreatedInvitation | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={invitation !== null}
      onClose={onClose}
      title={<Text fw={600}>New invitation link</Text>}
      size="lg"
      closeOnClickOutside={false}
    >
      {invitation && (
        <Stack gap="md">
          <InviteLink invitation={invitation} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
