import { Code, Group, Stack, Table, Text } from "@mantine/core";
import { diffFields, fieldLabel, formatValue } from "../lib/audit";
import { useUserNames } from "./useUserNames";

/**
 * The before/after of an audit event as a readable list of changed fields: the old value struck
 * through in red, the new one in green. Creations show only new values, deletions only old ones.
 */
export function AuditChanges({
  before,
  after,
  compact = false,
}: {
  before: unknown;
  after: unknown;
  compact?: boolean;
}) {
  const names = useUserNames();
  const changes = diffFields(before, after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field changes recorded.
      </Text>
    );
  }
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (compact) {
    return (
      <Stack gap={4}>
        {changes.slice(0, 6).map((c) => (
          <Group key={c.key} gap={6} wrap="wrap" fz="sm">
            <Text size="sm" c="dimmed" miw={110}>
              {fieldLabel(c.key)}
            </Text>
            {hasBefore && <span className="diff-before">{formatValue(c.key, c.before, names)}</span>}
            {hasBefore && hasAfter && (
              <Text span size="sm" c="dimmed">
                →
              </Text>
            )}
            {hasAfter && <span className="diff-after">{formatValue(c.key, c.after, names)}</span>}
          </Group>
        ))}
        {changes.length > 6 && (
          <Text size="xs" c="dimmed">
            and {changes.length - 6} more fields
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={180}>Field</Table.Th>
          {hasBefore && <Table.Th>Before</Table.Th>}
          {hasAfter && <Table.Th>After</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.key}>
            <Table.Td c="dimmed">{fieldLabel(c.key)}</Table.Td>
            {hasBefore && (
              <Table.Td>
                <Code bg="red.0" c="red.9" style={{ whiteSpace: "pre-wrap" }}>
                  {formatValue(c.key, c.before, names)}
                </Code>
              </Table.Td>
            )}
            {hasAfter && (
              <Table.Td>
                <Code bg="teal.0" c="teal.9" style={{ whiteSpace: "pre-wrap" }}>
                  {formatValue(c.key, c.after, names)}
                </Code>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
