import { Group, Select, Text } from "@mantine/core";
import { IconGitBranch } from "@tabler/icons-react";
import { type BuilderErrors, conditionTargets, type Edit, updateQuestion } from "./builder";
import type { TemplateContent, TemplateQuestion } from "./queries";

type ShowIf = NonNullable<TemplateQuestion["showIf"]>;

/**
 * "Show only if <question> is/includes <value>". Only earlier yes/no and choice questions are
 * offered (what `templateProblems` accepts), and the comparison follows the chosen question's
 * type: yes/no → Yes or No, single choice → is one option, multiple choice → includes one.
 */
export function ConditionEditor({
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
  const question = content.sections[si].questions[qi];
  const showIf = question.showIf;
  const targets = conditionTargets(content, si, qi);
  const target = targets.find((t) => t.key === showIf?.question);
  const setShowIf = (next: ShowIf | undefined) =>
    edit((c) =>
      updateQuestion(c, si, qi, (q) => {
        const { showIf: _old, ...rest } = q;
        return next ? { ...rest, showIf: next } : rest;
      }),
    );
  const pickQuestion = (key: string | null) => {
    const t = targets.find((x) => x.key === key);
    if (!t) return setShowIf(undefined);
    const first = t.options?.[0]?.value ?? "";
    if (t.type === "yes_no") setShowIf({ question: t.key, equals: true });
    else if (t.type === "multi_choice") setShowIf({ question: t.key, includes: first });
    else setShowIf({ question: t.key, equals: first });
  };
  const pickValue = (v: string | null) => {
    if (!target || v === null) return;
    if (target.type === "yes_no") setShowIf({ question: target.key, equals: v === "yes" });
    else if (target.type === "multi_choice") setShowIf({ question: target.key, includes: v });
    else setShowIf({ question: target.key, equals: v });
  };
  const value = !showIf
    ? null
    : "includes" in showIf
      ? showIf.includes
      : typeof showIf.equals === "boolean"
        ? showIf.equals
          ? "yes"
          : "no"
        : showIf.equals;
  const valueData =
    target?.type === "yes_no"
      ? [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]
      : (target?.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  // A condition on a question that is no longer offered (moved below, type changed) stays visible
  // with its error, so the editor sees what broke instead of it vanishing.
  const stale = showIf && !target;
  const questionData = [
    ...targets.map((t) => ({ value: t.key, label: t.text || t.key })),
    ...(stale ? [{ value: showIf.question, label: showIf.question }] : []),
  ];

  return (
    <div>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Group gap={6} mt={6} wrap="nowrap">
          <IconGitBranch size={16} color="var(--mantine-color-blue-6)" />
          <Text size="sm">Show only if</Text>
        </Group>
        <Select
          aria-label="Condition question"
          placeholder={targets.length ? "Always shown" : "No earlier yes/no or choice question"}
          disabled={!targets.length && !showIf}
          clearable
          searchable
          data={questionData}
          value={showIf?.question ?? null}
          onChange={pickQuestion}
          w={420}
          comboboxProps={{ width: 480, position: "bottom-start" }}
        />
        {showIf && (
          <>
            <Text size="sm" mt={6}>
              {target?.type === "multi_choice" ? "includes" : "is"}
            </Text>
            <Select
              aria-label="Condition value"
              data={valueData}
              value={value}
              onChange={pickValue}
              w={300}
              allowDeselect={false}
            />
          </>
        )}
      </Group>
      {errors[`sections.${si}.questions.${qi}.showIf`] && (
        <Text size="xs" c="red" mt={4}>
          {errors[`sections.${si}.questions.${qi}.showIf`]}
        </Text>
      )}
    </div>
  );
}
