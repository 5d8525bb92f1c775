import { Alert, Badge, Button, Card, Grid, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle, IconRefresh } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { type Answers, scoreAssessment, visibleQuestions } from "../../../../domain/questionnaire-scoring";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { AnswerInput } from "./AnswerInput";
import type { TemplateContent } from "./queries";

/**
 * The respondent's view of the template, answerable but never saved: conditional questions
 * appear and disappear with the answers (the same `visibleQuestions` rule the portal applies) and
 * the score panel recomputes with `scoreAssessment`, so a reviewer can try answers and check the
 * arithmetic before sending the questionnaire to a partner.
 */
export function PreviewTab({ content }: { content: TemplateContent }) {
  const [answers, setAnswers] = useState<Answers>({});
  // Bumped by "Reset" to remount the inputs: a file input cannot be cleared through its value.
  const [round, setRound] = useState(0);
  const visible = useMemo(() => visibleQuestions(content, answers), [content, answers]);
  const score = useMemo(() => scoreAssessment(content, answers), [content, answers]);
  const answer = (key: string) => (value: AnswerValue) => setAnswers((a) => ({ ...a, [key]: value }));

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md" key={round}>
          <Alert variant="light" icon={<IconInfoCircle size={18} />} radius="md">
            This is what a partner sees. Try answers: nothing is saved.
          </Alert>
          {content.sections.map((section) => {
            const shown = section.questions.filter((q) => visible.has(q.key));
            return (
              <Card key={section.key} withBorder radius="md" padding="lg">
                <Title order={4}>{section.title}</Title>
                {section.description && (
                  <Text size="sm" c="dimmed">
                    {section.description}
                  </Text>
                )}
                <Stack gap="lg" mt="md">
                  {shown.length === 0 && (
                    <Text size="sm" c="dimmed">
                      No question of this section applies with the answers so far.
                    </Text>
                  )}
                  {shown.map((q) => (
                    <AnswerInput key={q.key} question={q} value={answers[q.key]} onChange={answer(q.key)} />
                  ))}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder radius="md" padding="lg" style={{ position: "sticky", top: 76 }}>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Score</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconRefresh size={14} />}
              onClick={() => {
                setAnswers({});
                setRound((r) => r + 1);
              }}
              disabled={Object.keys(answers).length === 0}
            >
              Reset
            </Button>
          </Group>
          <Text fz={36} fw={700} lh={1.1} data-testid="preview-score">
            {score.score === null ? "–" : score.score}
            <Text span c="dimmed" fz="sm" fw={400}>
              {" "}
              / 100
            </Text>
          </Text>
          <Text size="xs" c="dimmed" mb="md">
            {score.explanation}
          </Text>
          <Stack gap="sm">
            {score.sections.map((s) => (
              <div key={s.key}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} truncate>
                    {s.title}
                  </Text>
                  <Badge variant="light" color={s.score === null ? "gray" : "blue"}>
                    {s.score === null ? "–" : s.score}
                  </Badge>
                </Group>
                <Progress value={s.visible ? (s.answered / s.visible) * 100 : 0} size="xs" my={4} />
                <Text size="xs" c="dimmed">
                  {s.answered} of {s.visible} answered · weight {s.weight} · {s.explanation}
                </Text>
              </div>
            ))}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
