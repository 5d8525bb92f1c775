import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { ConfirmModal } from "../../components/ConfirmModal";
import {
  type BuilderErrors,
  blankSection,
  deleteQuestion,
  deleteSection,
  dependentsOf,
  type Edit,
  move,
} from "./builder";
import type { TemplateContent } from "./queries";
import { SectionEditor } from "./SectionEditor";

interface Pending {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  run: () => void;
}

/**
 * The template builder: title and description, then the sections with their questions. Deletes
 * ask first (a section takes its questions with it; a question may have dependents whose
 * conditions are dropped), everything else applies at once and can be discarded as a whole.
 */
export function BuilderTab({
  content,
  errors,
  edit,
}: {
  content: TemplateContent;
  errors: BuilderErrors;
  edit: Edit;
}) {
  const [open, setOpen] = useState<{ si: number; qi: number } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const moveSection = (si: number, delta: -1 | 1) => {
    edit((c) => ({ ...c, sections: move(c.sections, si, si + delta) }));
    if (open?.si === si) setOpen({ ...open, si: si + delta });
    else if (open?.si === si + delta) setOpen({ ...open, si });
  };
  const askDeleteSection = (si: number) => {
    const s = content.sections[si];
    setPending({
      title: "Delete this section?",
      body: `“${s.title}” and its ${s.questions.length} question${s.questions.length === 1 ? "" : "s"} will be removed when you save. Conditions on them are dropped.`,
      confirmLabel: "Delete section",
      run: () => {
        edit((c) => deleteSection(c, si));
        setOpen(null);
      },
    });
  };
  const askDeleteQuestion = (si: number, qi: number) => {
    const q = content.sections[si].questions[qi];
    const dependents = dependentsOf(content, q.key);
    setPending({
      title: "Delete this question?",
      body: (
        <>
          “{q.text || q.key}” will be removed when you save.
          {dependents.length > 0 && (
            <Text size="sm" mt="xs">
              {dependents.length === 1 ? "One question is" : `${dependents.length} questions are`} shown only
              depending on its answer; {dependents.length === 1 ? "it" : "they"} will always be shown instead.
            </Text>
          )}
        </>
      ),
      confirmLabel: "Delete question",
      run: () => {
        edit((c) => deleteQuestion(c, si, qi));
        setOpen(null);
      },
    });
  };
  const addSection = () => {
    edit((c) => ({ ...c, sections: [...c.sections, blankSection(c)] }));
    setOpen({ si: content.sections.length, qi: 0 });
  };

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <TextInput
            label="Title"
            withAsterisk
            value={content.title}
            error={errors.title}
            onChange={(e) => {
              const title = e.currentTarget.value;
              edit((c) => ({ ...c, title }));
            }}
          />
          <Textarea
            label="Description"
            description="Shown to the partner above the questions"
            autosize
            minRows={2}
            value={content.description ?? ""}
            error={errors.description}
            onChange={(e) => {
              const description = e.currentTarget.value || undefined;
              edit((c) => ({ ...c, description }));
            }}
          />
        </Stack>
      </Card>
      {(errors.sections || errors.content) && <Alert color="red">{errors.sections ?? errors.content}</Alert>}
      {content.sections.map((_, si) => (
        <SectionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited in place; the position is the identity
          key={si}
          content={content}
          si={si}
          errors={errors}
          edit={edit}
          openQuestion={open?.si === si ? open.qi : null}
          onOpen={(qi) => setOpen(qi === null ? null : { si, qi })}
          onMoveSection={(delta) => moveSection(si, delta)}
          onDeleteSection={() => askDeleteSection(si)}
          onDeleteQuestion={(qi) => askDeleteQuestion(si, qi)}
        />
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={addSection}
          disabled={content.sections.length >= 50}
        >
          Add section
        </Button>
      </Group>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        onConfirm={() => {
          pending?.run();
          setPending(null);
        }}
        title={pending?.title ?? ""}
        confirmLabel={pending?.confirmLabel ?? "Delete"}
      >
        {pending?.body}
      </ConfirmModal>
    </Stack>
  );
}
