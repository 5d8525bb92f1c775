import { Alert, Button, Code, Group, Modal, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX } from "@tabler/icons-react";
import type { TestResult, WebhookItem } from "./queries";

/** What the receiver made of a test event: delivered (and its HTTP status) or why not. */
export function TestResultModal(props: {
  result: { webhook: WebhookItem; outcome: TestResult } | null;
  onClose: () => void;
}) {
  const outcome = props.result?.outcome;
  return (
    <Modal opened={props.result !== null} onClose={props.onClose} title={<Text fw={600}>Test delivery</Text>}>
      {props.result && outcome && (
        <Stack gap="md">
          <Text size="sm" c="dimmed" className="mono" style={{ wordBreak: "break-all" }}>
            POST {props.result.webhook.url}
          </Text>
          {outcome.delivered ? (
            <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Delivered">
              The receiver accepted the test event
              {outcome.responseStatus ? ` with HTTP ${outcome.responseStatus}` : ""}.
            </Alert>
          ) : (
            <Alert color="red" icon={<IconCircleX size={18} />} title="Not delivered">
              <Stack gap={6}>
                <span>
                  {outcome.responseStatus
                    ? `The receiver answered HTTP ${outcome.responseStatus}.`
                    : "The receiver could not be reached."}
                </span>
                {outcome.error && (
                  <Code block fz="xs">
                    {outcome.error}
                  </Code>
                )}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
