import { Anchor, Badge, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { BulkResult } from "./queries";

/** The file's first lines as the browser read them, before the server says anything. */
export function FirstRows({ rows, total }: { rows: string[][]; total: number }) {
  const [header, ...body] = rows;
  if (!header) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        First rows{total > body.length ? ` (${body.length} of ${total})` : ""}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table withTableBorder fz="xs" verticalSpacing={4} aria-label="First rows of the file">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={50}>Row</Table.Th>
              {header.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <Table.Th key={i} className="mono">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <Table.Tr key={i}>
                {/* Row numbers as the server's errors count them: data rows from 1, header excluded. */}
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                {header.map((_, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Table.Td key={j} className="mono" style={{ wordBreak: "break-all" }}>
                    {r[j] ?? ""}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/**
 * What an import does (dry run) or did: rows, created, updated, unchanged, and per KPI how many
 * rows with how many breaches and anomalies, each KPI linking to its chart.
 */
export function BulkSummary({ result }: { result: BulkResult }) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Rows" value={result.rows} />
        <Stat label={result.dryRun ? "Would create" : "Created"} value={result.created} />
        <Stat label={result.dryRun ? "Would update" : "Updated"} value={result.updated} />
        <Stat label="Unchanged" value={result.unchanged} />
      </SimpleGrid>
      <Table withTableBorder fz="sm" aria-label="Rows per KPI">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Breaches</Table.Th>
            <Table.Th ta="right">Anomalies</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.kpis.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>
                <Anchor component={Link} to={`/kpis/${k.id}`} size="sm">
                  {k.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{k.rows}</Table.Td>
              <Table.Td ta="right">
                {k.breaches ? (
                  <Badge color="red" variant="light">
                    {k.breaches} {k.breaches === 1 ? "breach" : "breaches"}
                  </Badge>
                ) : (
                  0
                )}
              </Table.Td>
              <Table.Td ta="right">
                {k.anomalies ? (
                  <Badge color="violet" variant="light">
                    {k.anomalies} {k.anomalies === 1 ? "anomaly" : "anomalies"}
                  </Badge>
                ) : (
                  0
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        Statuses are judged against each KPI's thresholds and its history, as they will be stored.
      </Text>
    </Stack>
  );
}
