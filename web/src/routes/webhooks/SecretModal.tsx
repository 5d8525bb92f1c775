import { Alert, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { CopyIcon, ShownOnce } from "../../components/ShownOnce";
import type { CreatedWebhookItem } from "./queries";

/** How a receiver checks a delivery, in Node.js: short enough to paste, exact about the input. */
const VERIFY_SNIPPET = `import crypto from "node:crypto";

// rawBody: the request body exactly as received (bytes, not re-serialized JSON)
function verify(secret, headers, rawBody) {
  const timestamp = headers["x-outsight-timestamp"];
  const expected = "sha256=" + crypto
    .createHmac("sha256", secret)
    .update(\`\${timestamp}.\${rawBody}\`)
    .digest("hex");
  const given = headers["x-outsight-signature"] ?? "";
  return given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

/**
 * Shows a new webhook's signing secret exactly once (the server keeps no readable copy), with
 * how a receiver verifies the signature of each delivery.
 */
export function SecretModal({
  webhook,
  onClose,
}: {
  webhook: CreatedWebhookItem | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={webhook !== null}
      onClose={onClose}
      title={<Text fw={600}>Webhook created: its signing secret</Text>}
      size="xl"
      closeOnClickOutside={false}
    >
      {webhook && (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Copy it now">
            This is the only time the secret is shown. Store it with the receiving service; if it is lost,
            delete this webhook and create another.
          </Alert>
          <ShownOnce value={webhook.secret} copyLabel="Copy secret" testId="webhook-secret" />
          <Stack gap={6}>
            <Text fw={600} size="sm">
              Verifying a delivery
            </Text>
            <Text size="sm">
              Each POST to <Code>{webhook.url}</Code> carries two headers. Recompute the HMAC over the
              timestamp, a dot and the raw body, and compare; reject old timestamps to stop replays.
            </Text>
            <Code block fz="xs">
              {`X-Outsight-Timestamp: <Unix seconds>
X-Outsight-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Outsight-Timestamp>.<raw body>")>`}
            </Code>
            <Group justify="space-between" align="flex-end">
              <Text size="xs" c="dimmed">
                Example in Node.js
              </Text>
              <CopyIcon value={VERIFY_SNIPPET} label="Copy example" />
            </Group>
            <Code block fz="xs">
              {VERIFY_SNIPPET}
            </Code>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
