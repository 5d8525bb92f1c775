import { ActionIcon, Button, Card, Group, Menu, Table, Text, Title } from "@mantine/core";
import { IconDots, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Empty, ErrorState, TableSkeleton } from "../../../components/States";

interface Props {
  title: string;
  description: string;
  addLabel: string;
  canEdit: boolean;
  onAdd: () => void;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  count: number;
  columns: ReactNode;
  columnCount: number;
  emptyIcon: ReactNode;
  emptyTitle: string;
  emptyText: string;
  children: ReactNode;
}

/** The frame every partner sub-resource tab shares: heading, add button, table, empty/loading/error. */
export function PartsCard(props: Props) {
  const addButton = props.canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={props.onAdd}>
      {props.addLabel}
    </Button>
  );
  return (
    <Card p={0} className="table-card">
      <Group justify="space-between" p="md" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <div>
          <Title order={4}>{props.title}</Title>
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        </div>
        {props.count > 0 && addButton}
      </Group>
      {props.query.isError ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={props.query.error} onRetry={() => props.query.refetch()} />
        </div>
      ) : !props.query.isPending && props.count === 0 ? (
        <Empty
          icon={props.emptyIcon}
          title={props.emptyTitle}
          description={props.emptyText}
          actions={addButton || undefined}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                {props.columns}
                {props.canEdit && <Table.Th w={48} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.query.isPending ? (
                <TableSkeleton rows={3} cols={props.columnCount + (props.canEdit ? 1 : 0)} />
              ) : (
                props.children
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The "…" menu at the end of a row with edit and delete. */
export function RowActions({
  onEdit,
  onDelete,
  editLabel = "Edit",
}: {
  onEdit?: () => void;
  onDelete: () => void;
  editLabel?: string;
}) {
  return (
    <Table.Td>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="Row actions">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {onEdit && (
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {editLabel}
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
            Remove
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Table.Td>
  );
}
