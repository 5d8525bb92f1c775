import { Table, Text } from "@mantine/core";
import type { RiskSignal } from "./queries";

/** The facts a signal rests on: what, its value, and where the value comes from. */
export function SignalFacts({ facts }: { facts: RiskSignal["facts"] }) {
  if (facts.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th fw={600} c="dimmed">
            Fact
          </Table.Th>
          <Table.Th fw={600} c="dimmed">
            Value
          </Table.Th>
          <Table.Th fw={600} c="dimmed">
            Source
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {facts.map((f) => (
          <Table.Tr key={`${f.label}:${f.value}:${f.source}`}>
            <Table.Td>{f.label}</Table.Td>
            <Table.Td fw={600}>{f.value}</Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {f.source}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
