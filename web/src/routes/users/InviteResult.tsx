import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy, IconMailCheck, IconMailOff } from "@tabler/icons-react";
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
      <Group
        gap="xs"
        wrap="nowrap"
        p="sm"
        bg="gray.0"
        style={{ borderRadius: 8, border: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Code
          block
          style={{ flex: 1, wordBreak: "break-all", whiteSpace: "pre-wrap", background: "transparent" }}
          fz="sm"
        >
          {invitation.acceptUrl}
        </Code>
        <CopyButton value={invitation.acceptUrl} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : "Copy link"} withArrow>
              <ActionIcon
                color={copied ? "teal" : "brand"}
                variant="light"
                size="lg"
                onClick={copy}
                aria-label="Copy invitation link"
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
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
