import { Badge, Box, Group, Input, Paper, Stack, Text } from "@mantine/core";
import { IconMessageQuestion } from "@tabler/icons-react";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { AnswerInput } from "../questionnaires/AnswerInput";
import { EvidencePanel } from "./EvidencePanel";
import { formatAnswer } from "./labels";
import type { EvidenceFile, PortalQuestion } from "./queries";

/**
 * One question of the portal form: the input for its type, the reviewer's clarification mark,
 * the inline problem (from a refused save or a submit attempt) and its evidence files. A `file`
 * question has no value input: its evidence IS the answer (the server records the newest file).
 */
export function QuestionCard({
  assessmentId,
  question: q,
  value,
  onChange,
  error,
  files,
  editable,
  flagged,
  focused,
  onEvidenceChanged,
}: {
  assessmentId: string;
  question: PortalQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error?: string;
  files: EvidenceFile[];
  editable: boolean;
  /** The reviewer asked about this question. */
  flagged: boolean;
  /** Just jumped to: briefly highlighted so the eye finds it. */
  focused: boolean;
  onEvidenceChanged: () => Promise<unknown>;
}) {
  const isFile = q.type === "file";
  const border = error
    ? "var(--mantine-color-red-4)"
    : flagged
      ? "var(--mantine-color-orange-4)"
      : focused
        ? "var(--mantine-color-brand-4)"
        : undefined;
  return (
    <Paper
      id={`q-${q.key}`}
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      data-testid="portal-question"
      data-question={q.key}
      style={{
        scrollMarginTop: 80,
        borderColor: border,
        boxShadow: focused ? "0 0 0 3px var(--mantine-color-brand-1)" : undefined,
        transition: "box-shadow 300ms, border-color 300ms",
        background: flagged ? "var(--mantine-color-orange-0)" : undefined,
      }}
    >
      <Stack gap="sm">
        {(flagged || q.evidenceRequired) && (
          <Group gap="xs">
            {flagged && (
              <Badge color="orange" variant="light" leftSection={<IconMessageQuestion size={12} />}>
                The reviewer asked about this
              </Badge>
            )}
            {q.evidenceRequired && (
              <Badge color="gray" variant="outline">
                Evidence required
              </Badge>
            )}
          </Group>
        )}
        {isFile ? (
          <Input.Wrapper label={q.text} description={q.help} withAsterisk={q.required} error={error}>
            <Box mt={6}>
              <EvidencePanel
                assessmentId={assessmentId}
                questionKey={q.key}
                files={files}
                editable={editable}
                prominent
                onChanged={onEvidenceChanged}
              />
              {!editable && files.length === 0 && (
                <Text size="sm" c="dimmed">
                  No file uploaded
                </Text>
              )}
            </Box>
          </Input.Wrapper>
        ) : !editable ? (
          <>
            <ReadOnlyAnswer question={q} value={value} />
            <EvidencePanel
              assessmentId={assessmentId}
              questionKey={q.key}
              files={files}
              editable={false}
              prominent={false}
              onChanged={onEvidenceChanged}
            />
          </>
        ) : (
          <>
            <AnswerInput question={q} value={value} onChange={onChange} error={error} />
            <EvidencePanel
              assessmentId={assessmentId}
              questionKey={q.key}
              files={files}
              editable={editable}
              prominent={q.evidenceRequired}
              onChanged={onEvidenceChanged}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A submitted answer as text: easier to read than a disabled input, and nothing to click. */
function ReadOnlyAnswer({
  question: q,
  value,
}: {
  question: PortalQuestion;
  value: AnswerValue | undefined;
}) {
  const text = formatAnswer(q, value);
  return (
    <Input.Wrapper label={q.text} description={q.help}>
      <Text
        size="sm"
        mt={6}
        c={text === null ? "dimmed" : undefined}
        fs={text === null ? "italic" : undefined}
        style={{ whiteSpace: "pre-wrap" }}
        data-testid="readonly-answer"
      >
        {text ?? "Not answered"}
      </Text>
    </Input.Wrapper>
  );
}
