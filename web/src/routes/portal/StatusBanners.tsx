import { Alert, Anchor, List, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconInfoCircle, IconMessageQuestion } from "@tabler/icons-react";
import { formatDate, formatDateTime } from "../../lib/format";
import type { PortalAssessment } from "./queries";

/**
 * What the partner must know before the questions: the reviewer's clarification request (with
 * links to the questions it names), or, once handed in, that there is nothing left to do.
 */
export function StatusBanners({
  assessment: a,
  organization,
  questionText,
  onJump,
}: {
  assessment: PortalAssessment;
  organization: string;
  questionText: (key: string) => string;
  onJump: (key: string) => void;
}) {
  const clarification = a.status === "clarification_requested" ? a.clarification : null;
  return (
    <Stack gap="sm">
      {clarification && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconMessageQuestion size={20} />}
          title="The reviewer asked you to clarify some answers"
          data-testid="clarification-banner"
        >
          <Stack gap="xs">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {clarification.message}
            </Text>
            {clarification.questionKeys.length > 0 && (
              <List size="sm" spacing={2}>
                {clarification.questionKeys.map((k) => (
                  <List.Item key={k}>
                    <Anchor component="button" type="button" size="sm" onClick={() => onJump(k)}>
                      {questionText(k)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
            <Text size="xs" c="dimmed">
              Asked {formatDateTime(clarification.requestedAt)}. Change what is needed, then submit again.
            </Text>
          </Stack>
        </Alert>
      )}
      {(a.status === "submitted" || a.status === "under_review") && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={20} />}
          title="Thank you: your answers are submitted"
          data-testid="submitted-banner"
        >
          <Text size="sm">
            Submitted {formatDate(a.submittedAt)}. {organization} is reviewing them and will contact you if
            anything needs clarifying. Your answers are shown below, read-only.
          </Text>
        </Alert>
      )}
      {a.status === "completed" && (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} title="Review completed">
          <Text size="sm">This questionnaire is closed. Your answers are shown below, read-only.</Text>
        </Alert>
      )}
      {a.status === "cancelled" && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={20} />} title="Cancelled">
          <Text size="sm">{organization} cancelled this questionnaire: no answers are needed.</Text>
        </Alert>
      )}
    </Stack>
  );
}
