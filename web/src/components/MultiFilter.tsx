import {
  Badge,
  Button,
  Checkbox,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { IconChevronDown, IconSearch } from "@tabler/icons-react";
import { useState } from "react";

interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
  searchable?: boolean;
}

/**
 * A compact multi-choice filter: a button showing the label and how many values are picked, with
 * a checkbox list underneath. Unlike a multi-select with pills it keeps its width however many
 * values are chosen, so a toolbar of filters stays on one line.
 */
export function MultiFilter({ label, options, value, onChange, searchable }: Props) {
  const [search, setSearch] = useState("");
  const q = search.trim().toLowerCase();
  // Matches at the start of a word ("in" → India) come before matches inside one (Argentina).
  const rank = (o: Option) =>
    o.label
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(q))
      ? 0
      : 1;
  const shown = q
    ? options.filter((o) => o.label.toLowerCase().includes(q)).sort((a, b) => rank(a) - rank(b))
    : options;
  const single = value.length === 1 ? options.find((o) => o.value === value[0])?.label : undefined;
  return (
    <Popover position="bottom-start" shadow="md" width={260} trapFocus onClose={() => setSearch("")}>
      <Popover.Target>
        <Button
          variant={value.length ? "light" : "default"}
          fw={value.length ? 600 : 400}
          rightSection={<IconChevronDown size={14} />}
          aria-label={`Filter by ${label.toLowerCase()}`}
          styles={{ inner: { justifyContent: "space-between" } }}
        >
          <Group gap={6} wrap="nowrap">
            <span>{single && single.length <= 18 ? single : label}</span>
            {value.length > 1 && (
              <Badge size="sm" circle variant="filled">
                {value.length}
              </Badge>
            )}
          </Group>
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap="xs">
          {searchable && (
            <TextInput
              size="xs"
              placeholder={`Search ${label.toLowerCase()}`}
              leftSection={<IconSearch size={14} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              data-autofocus
            />
          )}
          <ScrollArea.Autosize mah={280} type="auto">
            <Checkbox.Group value={value} onChange={onChange}>
              <Stack gap={8} p={4}>
                {shown.map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} size="sm" />
                ))}
                {shown.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Nothing found
                  </Text>
                )}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
          {value.length > 0 && (
            <UnstyledButton onClick={() => onChange([])} fz="xs" c="brand" px={4}>
              Clear {label.toLowerCase()}
            </UnstyledButton>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
