import { Alert, Button, Card, Group, Modal, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconAlertTriangle, IconArrowRight, IconSend } from "@tabler/icons-react";
import classes from "./portal.module.css";
import type { MissingAnswer } from "./queries";

/** Which dialog of the submit flow is open. */
export type SubmitStage = "closed" | "missing" | "confirm";

/** A missing answer with the question's text, for the list the partner clicks through. */
export interface MissingItem extends MissingAnswer {
  text: string;
}

/**
 * The foot of the form: "Submit for review" with what still blocks it. The button first saves
 * whatever is queued; with something missing it lists the questions (a click jumps there),
 * otherwise it asks for confirmation, because the answers lock once submitted.
 */
export function SubmitPanel({
  missing,
  stage,
  setStage,
  onRequest,
  onSubmit,
  onJump,
  submitting,
  organization,
}: {
  missing: MissingItem[];
  stage: SubmitStage;
  setStage: (stage: SubmitStage) => void;
  /** Saves what is queued, then opens the missing list or the confirmation. */
  onRequest: () => void;
  onSubmit: () => void;
  onJump: (questionKey: string) => void;
  submitting: boolean;
  organization: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" gap="md">
        <Stack gap={2} style={{ flex: "1 1 240px" }}>
          <Text fw={600}>Ready to hand in?</Text>
          <Text size="sm" c="dimmed">
            {missing.length === 0
              ? `Every required question is answered. Once submitted, ${organization} reviews your answers and you can no longer change them.`
              : `${missing.length} question${missing.length === 1 ? " still needs" : "s still need"} an answer or a file.`}
          </Text>
        </Stack>
        <Button
          leftSection={<IconSend size={16} />}
          loading={submitting}
          onClick={onRequest}
          data-testid="submit-for-review"
        >
          Submit for review
        </Button>
      </Group>

      <Modal
        opened={stage === "missing"}
        onClose={() => setStage("closed")}
        title={<Text fw={600}>A few answers are missing</Text>}
        size="lg"
      >
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            {missing.length === 1 ? "This question needs" : `These ${missing.length} questions need`} an
            answer before you can submit. Click one to go to it.
          </Alert>
          <Stack gap={4} data-testid="missing-list">
            {missing.map((m) => (
              <UnstyledButton
                key={m.questionKey}
                className={classes.missingItem}
                px="sm"
                py={6}
                style={{
                  borderRadius: "var(--mantine-radius-sm)",
                  borderLeft: "3px solid var(--mantine-color-orange-4)",
                }}
                onClick={() => {
                  setStage("closed");
                  onJump(m.questionKey);
                }}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <div>
                    <Text size="sm" fw={500} c="brand.7">
                      {m.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.message}
                    </Text>
                  </div>
                  <IconArrowRight size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStage("closed")}>
              Close
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={stage === "confirm"}
        onClose={() => setStage("closed")}
        title={<Text fw={600}>Submit your answers?</Text>}
        size="md"
      >
        <Stack gap="lg">
          <Text size="sm">
            {organization} will review your answers. After submitting you cannot change them, unless the
            reviewer asks you to clarify something.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setStage("closed")} data-autofocus>
              Not yet
            </Button>
            <Button onClick={onSubmit} loading={submitting} leftSection={<IconSend size={16} />}>
              Submit for review
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
