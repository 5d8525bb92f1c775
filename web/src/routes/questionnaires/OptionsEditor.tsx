import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import {
  type BuilderErrors,
  type Edit,
  followKey,
  move,
  renameOptionValue,
  suggestKey,
  updateQuestion,
} from "./builder";
import { KeyInput } from "./KeyInput";
import type { TemplateQuestion } from "./queries";

type Option = NonNullable<TemplateQuestion["options"]>[number];

/**
 * The choices of a choice question as a small table: label, key and score (0–100) per row, with
 * reorder and remove. Renaming a key goes through `onRenameValue` so conditions comparing against
 * the option follow it.
 */
export function OptionsEditor({
  question,
  si,
  qi,
  errors,
  edit,
}: {
  question: TemplateQuestion;
  si: number;
  qi: number;
  errors: BuilderErrors;
  edit: Edit;
}) {
  const path = `sections.${si}.questions.${qi}`;
  const options = question.options ?? [];
  const onChange = (next: Option[]) =>
    edit((c) => updateQuestion(c, si, qi, (q) => ({ ...q, options: next })));
  const onRenameValue = (i: number, value: string) => edit((c) => renameOptionValue(c, si, qi, i, value));
  const values = (except: number) => options.filter((_, i) => i !== except).map((o) => o.value);
  const set = (i: number, patch: Partial<Option>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const relabel = (i: number, label: string) => {
    const o = options[i];
    const value = followKey(o.value, o.label, label, values(i), "option");
    set(i, { label });
    if (value) onRenameValue(i, value);
  };
  const add = () => {
    const n = options.length + 1;
    onChange([
      ...options,
      { value: suggestKey(`option ${n}`, values(-1), "option"), label: `Option ${n}`, score: 0 },
    ]);
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Options
      </Text>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz="xs">Label</Table.Th>
            <Table.Th fz="xs" w={180}>
              Key
            </Table.Th>
            <Table.Th fz="xs" w={96}>
              Score
            </Table.Th>
            <Table.Th w={96} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {options.map((o, i) => {
            const at = `${path}.options.${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: option keys are edited in place; the position is the identity
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`Option ${i + 1} label`}
                    value={o.label}
                    error={errors[`${at}.label`]}
                    onChange={(e) => relabel(i, e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <KeyInput
                    size="xs"
                    aria-label={`Option ${i + 1} key`}
                    value={o.value}
                    error={errors[`${at}.value`]}
                    onCommit={(v) => onRenameValue(i, v)}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`Option ${i + 1} score`}
                    min={0}
                    max={100}
                    clampBehavior="strict"
                    value={o.score}
                    error={errors[`${at}.score`]}
                    onChange={(v) => set(i, { score: typeof v === "number" ? v : 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label="Move option up"
                      disabled={i === 0}
                      onClick={() => onChange(move(options, i, i - 1))}
                    >
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label="Move option down"
                      disabled={i === options.length - 1}
                      onClick={() => onChange(move(options, i, i + 1))}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Remove option"
                      onClick={() => onChange(options.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors[`${path}.options`] && (
        <Text size="xs" c="red">
          {errors[`${path}.options`]}
        </Text>
      )}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={options.length >= 30}
        >
          Add option
        </Button>
      </Group>
    </Stack>
  );
}
