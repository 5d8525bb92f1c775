import { Anchor, Badge, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertTriangle, IconCheck, IconExternalLink, IconFlag, IconMessage } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { AnswerDecision } from "../../../../domain/assessments";
import { fromNow } from "../../lib/format";
import { useReviewAnswer, useRiskFromAnswer } from "./mutations";
import type { AnswerView } from "./types";

const normal = (comment: string) => comment.trim() || null;

/**
 * The reviewer's controls under one answer: Accept or Flag (clicking the chosen one again clears
 * it), a comment saved on its own as the reviewer pauses typing, and for a flagged answer a
 * one-step "Create risk" that files a risk of the question's category against the partner.
 * Read-only (decision and comment as text) for those who may not review or once it is closed.
 */
export function AnswerReview(props: {
  assessmentId: string;
  answer: AnswerView;
  editable: boolean;
  canRaiseRisk: boolean;
}) {
  const { answer } = props;
  const review = useReviewAnswer(props.assessmentId);
  const risk = useRiskFromAnswer(props.assessmentId);
  const [comment, setComment] = useState(answer.comment ?? "");
  const [debounced] = useDebouncedValue(comment, 800);
  // The comment box stays folded until wanted: a flag nearly always needs a reason, so it opens.
  const [commenting, setCommenting] = useState(false);
  const save = (decision: AnswerDecision | null, text: string) =>
    review.mutate({ questionKey: answer.questionKey, body: { decision, comment: normal(text) } });
  // Autosave the comment once typing pauses, unless it is what the server already has.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pause in typing should save
  useEffect(() => {
    if (props.editable && normal(debounced) !== (answer.comment ?? null)) save(answer.decision, debounced);
  }, [debounced]);

  if (!props.editable) {
    if (!answer.decision && !answer.comment && !answer.riskId) return null;
    return (
      <Stack gap={4} mt={6}>
        <Group gap="xs">
          {answer.decision && <DecisionBadge decision={answer.decision} />}
          {answer.reviewedBy && (
            <Text size="xs" c="dimmed">
              {answer.reviewedBy.name} · {fromNow(answer.reviewedAt)}
            </Text>
          )}
          {answer.riskId && <RiskLink riskId={answer.riskId} />}
        </Group>
        {answer.comment && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {answer.comment}
          </Text>
        )}
      </Stack>
    );
  }

  const choose = (d: AnswerDecision) => save(answer.decision === d ? null : d, comment);
  const dirty = normal(comment) !== (answer.comment ?? null);
  const showComment = commenting || comment !== "" || answer.decision === "flagged";
  return (
    <Stack gap={6} mt={8}>
      <Group gap="xs" wrap="wrap">
        <Button
          size="compact-sm"
          variant={answer.decision === "accepted" ? "filled" : "default"}
          color="teal"
          leftSection={<IconCheck size={14} />}
          onClick={() => choose("accepted")}
          aria-pressed={answer.decision === "accepted"}
          disabled={review.isPending}
        >
          Accept
        </Button>
        <Button
          size="compact-sm"
          variant={answer.decision === "flagged" ? "filled" : "default"}
          color="red"
          leftSection={<IconFlag size={14} />}
          onClick={() => choose("flagged")}
          aria-pressed={answer.decision === "flagged"}
          disabled={review.isPending}
        >
          Flag
        </Button>
        {answer.decision === "flagged" &&
          props.canRaiseRisk &&
          (answer.riskId ? (
            <RiskLink riskId={answer.riskId} />
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              color="orange"
              leftSection={<IconAlertTriangle size={14} />}
              loading={risk.isPending}
              onClick={() =>
                risk.mutate({ questionKey: answer.questionKey, body: { likelihood: 3, impact: 3 } })
              }
            >
              Create risk
            </Button>
          ))}
        {answer.decision !== "flagged" && answer.riskId && <RiskLink riskId={answer.riskId} />}
        {!showComment && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconMessage size={14} />}
            onClick={() => setCommenting(true)}
          >
            Comment
          </Button>
        )}
        <Text size="xs" c="dimmed" ml="auto">
          {review.isPending
            ? "Saving…"
            : dirty
              ? "Typing…"
              : answer.reviewedBy
                ? `Reviewed by ${answer.reviewedBy.name} ${fromNow(answer.reviewedAt)}`
                : ""}
        </Text>
      </Group>
      {showComment && (
        <Textarea
          size="xs"
          autoFocus={commenting && comment === ""}
          placeholder="Reviewer comment (saved as you type)"
          aria-label="Reviewer comment"
          autosize
          minRows={1}
          maxRows={6}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          onBlur={() => dirty && save(answer.decision, comment)}
        />
      )}
    </Stack>
  );
}

/** Accepted (teal) or flagged (red). */
export function DecisionBadge({ decision }: { decision: AnswerDecision }) {
  return decision === "accepted" ? (
    <Badge size="sm" color="teal" variant="light" leftSection={<IconCheck size={12} />}>
      Accepted
    </Badge>
  ) : (
    <Badge size="sm" color="red" variant="light" leftSection={<IconFlag size={12} />}>
      Flagged
    </Badge>
  );
}

/** The risk raised from an answer. */
function RiskLink({ riskId }: { riskId: string }) {
  return (
    <Anchor component={Link} to={`/risks/${riskId}`} size="sm" fw={500}>
      <Group gap={4} component="span">
        View risk <IconExternalLink size={12} />
      </Group>
    </Anchor>
  );
}
