import { Group, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea } from "@mantine/core";
import { QUESTION_TYPES, type QuestionType } from "../../../../domain/questionnaires";
import { BUILTIN_RISK_CATEGORIES } from "../../../../domain/risk-categories";
import {
  type BuilderErrors,
  changeType,
  type Edit,
  followKey,
  isChoice,
  questionKeys,
  renameQuestionKey,
  updateQuestion,
} from "./builder";
import { ConditionEditor } from "./ConditionEditor";
import { KeyInput } from "./KeyInput";
import { QUESTION_TYPE_LABELS } from "./labels";
import { OptionsEditor } from "./OptionsEditor";
import type { TemplateContent, TemplateQuestion } from "./queries";

const TYPE_DATA = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }));
const CATEGORY_DATA = BUILTIN_RISK_CATEGORIES.map((c) => ({ value: c.key, label: c.name }));

/** Every field of one question, errors under the fields they concern. */
export function QuestionEditor({
  content,
  si,
  qi,
  errors,
  edit,
}: {
  content: TemplateContent;
  si: number;
  qi: number;
  errors: BuilderErrors;
  edit: Edit;
}) {
  const q = content.sections[si].questions[qi];
  const path = `sections.${si}.questions.${qi}`;
  const err = (field: string) => errors[`${path}.${field}`];
  const set = (patch: Partial<TemplateQuestion>) =>
    edit((c) => updateQuestion(c, si, qi, (x) => ({ ...x, ...patch })));
  // The key follows the wording until someone types a key of their own (see `followKey`).
  const setText = (text: string) =>
    edit((c) => {
      const current = c.sections[si].questions[qi];
      const others = questionKeys(c).filter((k) => k !== current.key);
      const key = followKey(current.key, current.text, text, others, "question");
      const next = updateQuestion(c, si, qi, (x) => ({ ...x, text }));
      return key ? renameQuestionKey(next, si, qi, key) : next;
    });

  return (
    <Stack gap="sm">
      <Textarea
        label="Question"
        withAsterisk
        autosize
        minRows={1}
        value={q.text}
        error={err("text")}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Textarea
        label="Help text"
        description="Shown under the question: what a good answer contains, which evidence fits."
        autosize
        minRows={1}
        value={q.help ?? ""}
        error={err("help")}
        onChange={(e) => set({ help: e.currentTarget.value || undefined })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <KeyInput
          label="Key"
          description="Answers are stored under it"
          value={q.key}
          error={err("key")}
          onCommit={(key) => edit((c) => renameQuestionKey(c, si, qi, key))}
        />
        <Select
          label="Type"
          description="How the partner answers"
          data={TYPE_DATA}
          value={q.type}
          allowDeselect={false}
          onChange={(t) =>
            t && edit((c) => updateQuestion(c, si, qi, (x) => changeType(x, t as QuestionType)))
          }
        />
        <NumberInput
          label="Weight"
          description="Within the section; 0 = not scored"
          min={0}
          max={10}
          step={1}
          decimalScale={2}
          clampBehavior="strict"
          value={q.weight}
          error={err("weight")}
          onChange={(v) => set({ weight: typeof v === "number" ? v : 0 })}
        />
        <Select
          label="Risk category"
          description="A flagged answer raises a risk of this kind"
          data={CATEGORY_DATA}
          value={q.riskCategory}
          allowDeselect={false}
          searchable
          error={err("riskCategory")}
          onChange={(v) => v && set({ riskCategory: v as TemplateQuestion["riskCategory"] })}
        />
        {q.type === "yes_no" && (
          <NumberInput
            label="Score of “Yes”"
            description={`“No” scores ${100 - (q.yesScore ?? 100)}`}
            min={0}
            max={100}
            clampBehavior="strict"
            value={q.yesScore ?? 100}
            error={err("yesScore")}
            // 100 is the default: leave the field out then, as the bundled templates do.
            onChange={(v) => set({ yesScore: typeof v === "number" && v !== 100 ? v : undefined })}
          />
        )}
      </SimpleGrid>
      <Group gap="xl">
        <Switch
          label="Required"
          checked={q.required}
          onChange={(e) => set({ required: e.currentTarget.checked })}
        />
        <Switch
          label="Evidence required"
          checked={q.evidenceRequired}
          onChange={(e) => set({ evidenceRequired: e.currentTarget.checked })}
        />
      </Group>
      {isChoice(q.type) && <OptionsEditor question={q} si={si} qi={qi} errors={errors} edit={edit} />}
      <ConditionEditor content={content} si={si} qi={qi} errors={errors} edit={edit} />
    </Stack>
  );
}
