import { ActionIcon, Badge, Group, Paper, Text, Tooltip, UnstyledButton } from "@mantine/core";
import {
  IconArrowDown,
  IconArrowUp,
  IconChevronDown,
  IconChevronRight,
  IconCopy,
  IconGitBranch,
  IconTrash,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { QUESTION_TYPE_LABELS } from "./labels";
import type { TemplateQuestion } from "./queries";

/** What a question row can do; the builder owns the content and the selection. */
export interface QuestionRowActions {
  onToggle: () => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/**
 * One question collapsed to a line (number, wording, type, condition, problems) with its
 * actions; when open, the editor (`children`) unfolds under it.
 */
export function QuestionRow({
  question: q,
  number,
  open,
  problems,
  first,
  last,
  only,
  actions,
  children,
}: {
  question: TemplateQuestion;
  number: string;
  open: boolean;
  problems: number;
  first: boolean;
  last: boolean;
  only: boolean;
  actions: QuestionRowActions;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="sm" p={0} bg={open ? "gray.0" : undefined} data-testid="question-row">
      <Group gap="xs" px="sm" py={6} wrap="nowrap">
        <UnstyledButton onClick={actions.onToggle} style={{ flex: 1, minWidth: 0 }} aria-expanded={open}>
          <Group gap="xs" wrap="nowrap">
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text size="sm" c="dimmed" w={40}>
              {number}
            </Text>
            <Text size="sm" fw={500} truncate style={{ flex: 1 }} c={q.text ? undefined : "dimmed"}>
              {q.text || "Untitled question"}
            </Text>
            {q.showIf && (
              <IconGitBranch size={14} color="var(--mantine-color-blue-6)" aria-label="Conditional" />
            )}
            <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
              {QUESTION_TYPE_LABELS[q.type]}
            </Badge>
            {problems > 0 && (
              <Badge color="red" size="sm" style={{ flexShrink: 0 }}>
                {problems} {problems === 1 ? "problem" : "problems"}
              </Badge>
            )}
          </Group>
        </UnstyledButton>
        <Group gap={0} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move question up"
            disabled={first}
            onClick={() => actions.onMove(-1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move question down"
            disabled={last}
            onClick={() => actions.onMove(1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <Tooltip label="Duplicate">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Duplicate question"
              onClick={actions.onDuplicate}
            >
              <IconCopy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={only ? "A section needs at least one question" : "Delete"}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Delete question"
              disabled={only}
              onClick={actions.onDelete}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {open && (
        <div
          style={{
            padding: "var(--mantine-spacing-md)",
            borderTop: "1px solid var(--mantine-color-gray-3)",
            background: "white",
          }}
        >
          {children}
        </div>
      )}
    </Paper>
  );
}
