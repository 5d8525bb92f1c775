import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import {
  type BuilderErrors,
  blankQuestion,
  duplicateQuestion,
  type Edit,
  errorsUnder,
  followKey,
  move,
  updateSection,
} from "./builder";
import { KeyInput } from "./KeyInput";
import { QuestionEditor } from "./QuestionEditor";
import { QuestionRow } from "./QuestionRow";
import type { TemplateContent, TemplateSection } from "./queries";

/**
 * One section in the builder: its title, key, weight and description, then its questions as
 * rows of which one at a time is open for editing (a 40-question template stays scannable).
 */
export function SectionEditor({
  content,
  si,
  errors,
  edit,
  openQuestion,
  onOpen,
  onMoveSection,
  onDeleteSection,
  onDeleteQuestion,
}: {
  content: TemplateContent;
  si: number;
  errors: BuilderErrors;
  edit: Edit;
  openQuestion: number | null;
  onOpen: (qi: number | null) => void;
  onMoveSection: (delta: -1 | 1) => void;
  onDeleteSection: () => void;
  onDeleteQuestion: (qi: number) => void;
}) {
  const section = content.sections[si];
  const path = `sections.${si}`;
  const err = (field: string) => errors[`${path}.${field}`];
  const set = (patch: Partial<TemplateSection>) =>
    edit((c) => updateSection(c, si, (s) => ({ ...s, ...patch })));
  const setTitle = (title: string) =>
    edit((c) =>
      updateSection(c, si, (s) => {
        const others = c.sections.filter((_, i) => i !== si).map((x) => x.key);
        return { ...s, title, key: followKey(s.key, s.title, title, others, "section") ?? s.key };
      }),
    );
  const moveQuestion = (qi: number, delta: -1 | 1) => {
    edit((c) => updateSection(c, si, (s) => ({ ...s, questions: move(s.questions, qi, qi + delta) })));
    if (openQuestion === qi) onOpen(qi + delta);
    else if (openQuestion === qi + delta) onOpen(qi);
  };
  const addQuestion = () => {
    edit((c) => updateSection(c, si, (s) => ({ ...s, questions: [...s.questions, blankQuestion(c)] })));
    onOpen(section.questions.length);
  };
  const problems = errorsUnder(errors, path).length;
  const count = section.questions.length;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="section-editor">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Text fw={700} c="dimmed">
            Section {si + 1}
          </Text>
          {problems > 0 && (
            <Badge color="red" size="sm">
              {problems} {problems === 1 ? "problem" : "problems"}
            </Badge>
          )}
        </Group>
        <Group gap={0} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move section up"
            disabled={si === 0}
            onClick={() => onMoveSection(-1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move section down"
            disabled={si === content.sections.length - 1}
            onClick={() => onMoveSection(1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <Tooltip
            label={content.sections.length === 1 ? "A template needs at least one section" : "Delete section"}
          >
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Delete section"
              disabled={content.sections.length === 1}
              onClick={onDeleteSection}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Title"
            withAsterisk
            value={section.title}
            error={err("title")}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <KeyInput label="Key" value={section.key} error={err("key")} onCommit={(key) => set({ key })} />
          <NumberInput
            label="Weight"
            description="In the overall score"
            min={0}
            max={10}
            decimalScale={2}
            clampBehavior="strict"
            value={section.weight}
            error={err("weight")}
            onChange={(v) => set({ weight: typeof v === "number" ? v : 0 })}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={1}
          value={section.description ?? ""}
          error={err("description")}
          onChange={(e) => set({ description: e.currentTarget.value || undefined })}
        />
        <Text size="sm" fw={500} mt="xs">
          Questions ({count})
        </Text>
        {err("questions") && (
          <Text size="xs" c="red">
            {err("questions")}
          </Text>
        )}
        <Stack gap={6}>
          {section.questions.map((q, qi) => (
            <QuestionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited in place; the position is the identity
              key={qi}
              question={q}
              number={`${si + 1}.${qi + 1}`}
              open={openQuestion === qi}
              problems={errorsUnder(errors, `${path}.questions.${qi}`).length}
              first={qi === 0}
              last={qi === count - 1}
              only={count === 1}
              actions={{
                onToggle: () => onOpen(openQuestion === qi ? null : qi),
                onMove: (delta) => moveQuestion(qi, delta),
                onDuplicate: () => {
                  edit((c) => duplicateQuestion(c, si, qi));
                  onOpen(qi + 1);
                },
                onDelete: () => onDeleteQuestion(qi),
              }}
            >
              <QuestionEditor content={content} si={si} qi={qi} errors={errors} edit={edit} />
            </QuestionRow>
          ))}
        </Stack>
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={addQuestion}
            disabled={count >= 200}
          >
            Add question
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
