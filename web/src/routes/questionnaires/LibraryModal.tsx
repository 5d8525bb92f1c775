import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { ErrorState, TableSkeleton } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { addFromLibrary, type LibraryItem, libraryQuery, templateKeys } from "./queries";

/**
 * The bundled templates with an "Add" per row: adding copies the template into the organization
 * and opens the copy, where it can be reviewed and previewed before use.
 */
export function LibraryModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const library = useQuery({ ...libraryQuery, enabled: opened });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const add = useMutation({
    mutationFn: (key: LibraryItem["key"]) => addFromLibrary(key),
    onSuccess: (template) => {
      notifySuccess("Template added", template.title);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      onClose();
      void navigate({ to: "/questionnaires/$templateId", params: { templateId: template.id } });
    },
    onError: (e) => notifyError(e, "Could not add the template"),
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Add a template from the library" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each bundled template becomes your organization's own copy: later library updates do not change it.
        </Text>
        {library.isError ? (
          <ErrorState
            error={library.error}
            onRetry={() => library.refetch()}
            title="Could not load the library"
          />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table className="data-table">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Template</Table.Th>
                  <Table.Th>Sections</Table.Th>
                  <Table.Th>Questions</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {library.isPending ? (
                  <TableSkeleton rows={6} cols={4} />
                ) : (
                  library.data.items.map((t) => (
                    <Table.Tr key={t.key}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t.title}
                        </Text>
                        {t.description && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {t.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{t.sections}</Table.Td>
                      <Table.Td fz="sm">{t.questions}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button
                            size="xs"
                            variant="light"
                            loading={add.isPending && add.variables === t.key}
                            disabled={add.isPending && add.variables !== t.key}
                            onClick={() => add.mutate(t.key)}
                          >
                            Add
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}
