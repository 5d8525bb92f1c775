import { Alert, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { ApiError, errorMessage } from "../api/client";
import { friendlyMessage } from "../lib/forms";

/**
 * The failure of an all-or-nothing import: the server's message and, for a 422, its row-by-row
 * report (row, column, problem). Shared by every file import in the app.
 */
export function ImportErrorsAlert({ error }: { error: unknown }) {
  const rowErrors = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported">
      <Stack gap="sm">
        <Text size="sm">{errorMessage(error)}</Text>
        {rowErrors.length > 0 && (
          <ScrollArea.Autosize mah={260}>
            <Table withTableBorder bg="white" fz="sm" verticalSpacing={6} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Row</Table.Th>
                  <Table.Th w={160}>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowErrors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and never reorder
                  <Table.Tr key={i}>
                    <Table.Td>{e.row ?? "—"}</Table.Td>
                    <Table.Td className="mono" style={{ wordBreak: "break-word" }}>
                      {e.path.replace(/^(body|row|answers)\.?/, "") || "—"}
                    </Table.Td>
                    <Table.Td style={{ wordBreak: "break-word" }}>{friendlyMessage(e.message)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Alert>
  );
}
