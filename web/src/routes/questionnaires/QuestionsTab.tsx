import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconGitBranch } from "@tabler/icons-react";
import { categoryName, conditionText, QUESTION_TYPE_LABELS, yesNoScores } from "./labels";
import type { TemplateContent, TemplateQuestion } from "./queries";

/** The template as a reviewer reads it: one card per section, every rule of every question spelt out. */
export function QuestionsTab({ content }: { content: TemplateContent }) {
  return (
    <Stack gap="md">
      {content.sections.map((section, si) => (
        <Card key={section.key} withBorder radius="md" padding="lg">
          <Group justify="space-between" align="flex-start" mb="sm">
            <div>
              <Title order={4}>
                {si + 1}. {section.title}
              </Title>
              {section.description && (
                <Text size="sm" c="dimmed">
                  {section.description}
                </Text>
              )}
            </div>
            <Badge variant="light" color="gray">
              Section weight {section.weight}
            </Badge>
          </Group>
          <Stack gap="md">
            {section.questions.map((q, qi) => (
              <QuestionView key={q.key} content={content} question={q} number={`${si + 1}.${qi + 1}`} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function QuestionView({
  content,
  question: q,
  number,
}: {
  content: TemplateContent;
  question: TemplateQuestion;
  number: string;
}) {
  const condition = conditionText(content, q);
  return (
    <Stack gap={6} pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}>
      <Text size="sm" fw={600}>
        {number} {q.text}
      </Text>
      {q.help && (
        <Text size="xs" c="dimmed">
          {q.help}
        </Text>
      )}
      <Group gap={6}>
        <Badge variant="light">{QUESTION_TYPE_LABELS[q.type]}</Badge>
        <Badge variant="outline" color="gray">
          {q.weight === 0 ? "Not scored" : `Weight ${q.weight}`}
        </Badge>
        {q.required && (
          <Badge variant="light" color="orange">
            Required
          </Badge>
        )}
        {q.evidenceRequired && (
          <Badge variant="light" color="grape">
            Evidence required
          </Badge>
        )}
        <Badge variant="dot" color="red" tt="none">
          Risk: {categoryName(q.riskCategory)}
        </Badge>
      </Group>
      {condition && (
        <Group gap={6} wrap="nowrap">
          <IconGitBranch size={14} color="var(--mantine-color-blue-6)" />
          <Text size="xs" c="blue.7">
            {condition}
          </Text>
        </Group>
      )}
      <Scores question={q} />
    </Stack>
  );
}

/** What each answer scores: the options of a choice question, or yes and no. */
function Scores({ question: q }: { question: TemplateQuestion }) {
  if (q.type === "yes_no") {
    const { yes, no } = yesNoScores(q);
    return (
      <Text size="xs" c="dimmed">
        Scores: Yes {yes} · No {no}
      </Text>
    );
  }
  if (!q.options?.length) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={520} fz="xs">
      <Table.Tbody>
        {q.options.map((o) => (
          <Table.Tr key={o.value}>
            <Table.Td>{o.label}</Table.Td>
            <Table.Td ta="right" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {o.score} points
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {q.type === "multi_choice" && (
        <Table.Caption ta="left" fz="xs">
          Chosen options add up, capped at 100.
        </Table.Caption>
      )}
    </Table>
  );
}
