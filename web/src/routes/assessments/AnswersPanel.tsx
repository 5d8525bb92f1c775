import { Anchor, Badge, Card, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconEyeOff, IconMessageQuestion, IconPaperclip } from "@tabler/icons-react";
import { useMemo } from "react";
import { visibleQuestions } from "../../../../domain/questionnaire-answers";
import { conditionText } from "../questionnaires/labels";
import { AnswerReview } from "./AnswerReview";
import { formatAnswer, formatBytes } from "./answers";
import { formatScore, scoreColor } from "./labels";
import { evidenceHref } from "./queries";
import type { AnswerView, Assessment, ContentQuestion } from "./types";

/**
 * The questionnaire as answered, section by section: each question with its answer written out,
 * its evidence files, the points it earns and the reviewer's controls. Questions hidden by their
 * condition stay in place, greyed, with the condition in words, so the reviewer sees why they were
 * not asked.
 */
export function AnswersPanel(props: { assessment: Assessment; canReview: boolean; canRaiseRisk: boolean }) {
  const a = props.assessment;
  const byKey = useMemo(() => new Map(a.answers.map((x) => [x.questionKey, x])), [a.answers]);
  // The server marks visibility per answer; recompute for questions it sent no row for.
  const visible = useMemo(
    () => visibleQuestions(a.content, Object.fromEntries(a.answers.map((x) => [x.questionKey, x.value]))),
    [a.content, a.answers],
  );
  const clarify = new Set(a.clarification?.questionKeys ?? []);
  const sectionScores = new Map(a.computed.sections.map((s) => [s.key, s]));
  return (
    <Stack gap="md">
      {a.content.sections.map((section, si) => {
        const score = sectionScores.get(section.key);
        return (
          <Card key={section.key} withBorder radius="md" padding="lg">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Title order={4}>
                  {si + 1}. {section.title}
                </Title>
                {section.description && (
                  <Text size="sm" c="dimmed">
                    {section.description}
                  </Text>
                )}
              </Stack>
              {score && (
                <Tooltip label={score.explanation} multiline maw={320} openDelay={200}>
                  <Badge size="lg" variant="light" color={scoreColor(score.score)}>
                    {formatScore(score.score)}
                  </Badge>
                </Tooltip>
              )}
            </Group>
            <Stack gap={0} mt="sm">
              {section.questions.map((q, qi) => {
                const answer = byKey.get(q.key);
                return (
                  <QuestionBlock
                    key={q.key}
                    assessmentId={a.id}
                    number={`${si + 1}.${qi + 1}`}
                    question={q}
                    answer={answer}
                    visible={answer?.visible ?? visible.has(q.key)}
                    condition={conditionText(a.content, q)}
                    clarify={clarify.has(q.key)}
                  >
                    {answer && (
                      <AnswerReview
                        key={`${answer.questionKey}-${a.id}`}
                        assessmentId={a.id}
                        answer={answer}
                        editable={props.canReview}
                        canRaiseRisk={props.canRaiseRisk}
                      />
                    )}
                  </QuestionBlock>
                );
              })}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function QuestionBlock(props: {
  assessmentId: string;
  number: string;
  question: ContentQuestion;
  answer: AnswerView | undefined;
  visible: boolean;
  condition: string | null;
  clarify: boolean;
  children: React.ReactNode;
}) {
  const { question: q, answer } = props;
  const text = formatAnswer(q, answer?.value);
  const evidence = answer?.evidence ?? [];
  return (
    <div
      style={{
        padding: "var(--mantine-spacing-sm) 0",
        borderTop: "1px solid var(--mantine-color-gray-2)",
        opacity: props.visible ? 1 : 0.55,
      }}
      data-question={q.key}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap={8} align="flex-start" wrap="nowrap">
          <Text size="sm" c="dimmed" fw={600} miw={32}>
            {props.number}
          </Text>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {q.text}
              {q.required && (
                <Text span c="red.6" inherit>
                  {" "}
                  *
                </Text>
              )}
            </Text>
            {!props.visible && props.condition && (
              <Group gap={4} c="dimmed" wrap="nowrap" align="flex-start">
                <IconEyeOff size={12} style={{ marginTop: 3, flexShrink: 0 }} />
                <Text size="xs" c="dimmed">
                  Not asked: {props.condition.replace(/^Shown/, "shown")}
                </Text>
              </Group>
            )}
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {props.clarify && (
            <Tooltip label="The partner was asked to clarify this answer" openDelay={200}>
              <Badge size="sm" color="orange" variant="light" leftSection={<IconMessageQuestion size={12} />}>
                Clarify
              </Badge>
            </Tooltip>
          )}
          <Points weight={q.weight} points={answer?.points ?? null} visible={props.visible} />
        </Group>
      </Group>
      {props.visible && (
        <Stack gap={6} pl={40} mt={6}>
          {text !== null ? (
            <Paper bg="gray.0" px="sm" py={6} radius="sm">
              <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                {text}
              </Text>
            </Paper>
          ) : q.type !== "file" || evidence.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              Not answered
            </Text>
          ) : null}
          {evidence.length > 0 && (
            <Stack gap={2}>
              {evidence.map((e) => (
                <Group key={e.id} gap={6} wrap="nowrap">
                  <IconPaperclip size={14} color="var(--mantine-color-gray-6)" />
                  <Anchor href={evidenceHref(props.assessmentId, e.id)} size="sm" download>
                    {e.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatBytes(e.size)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          {q.evidenceRequired && evidence.length === 0 && (
            <Text size="xs" c="orange.8">
              Evidence is required for this question and none was uploaded.
            </Text>
          )}
          {props.children}
        </Stack>
      )}
    </div>
  );
}

/** The points the answer earns (0–100) and the question's weight; "not scored" for weight 0. */
function Points({ weight, points, visible }: { weight: number; points: number | null; visible: boolean }) {
  if (!visible) return null;
  if (weight === 0)
    return (
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        not scored
      </Text>
    );
  return (
    <Tooltip label={`Scores ${points ?? "–"} of 100, weight ${weight} in its section`} openDelay={200}>
      <Badge size="sm" variant="outline" color={scoreColor(points)} style={{ flexShrink: 0 }}>
        {points === null ? `×${weight}` : `${Math.round(points)} pts · ×${weight}`}
      </Badge>
    </Tooltip>
  );
}
