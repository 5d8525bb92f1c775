import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import type { KeyboardEvent } from "react";
import { formatDate } from "../../lib/format";
import type { TemplateListItem } from "./queries";

/** The number of columns, for the loading skeleton. */
export const TEMPLATE_COLUMNS = 6;

/** The header row of the templates table. */
export function TemplatesTableHead() {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>Template</Table.Th>
        <Table.Th>From library</Table.Th>
        <Table.Th>Sections</Table.Th>
        <Table.Th>Questions</Table.Th>
        <Table.Th>Version</Table.Th>
        <Table.Th>Updated</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** Template rows; a click anywhere on a row opens the template. */
export function TemplatesTable({ items }: { items: TemplateListItem[] }) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/questionnaires/$templateId", params: { templateId: id } });
  // Enter on the focused link already follows it; only Enter on the row itself opens the template.
  const onKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === "Enter" && e.target === e.currentTarget) open(id);
  };
  return (
    <>
      {items.map((t) => (
        <Table.Tr
          key={t.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(t.id)}
          onKeyDown={onKey(t.id)}
        >
          <Table.Td maw={360}>
            <Anchor
              component={Link}
              to={`/questionnaires/${t.id}`}
              size="sm"
              fw={600}
              lineClamp={2}
              onClick={(e) => e.stopPropagation()}
            >
              {t.title}
            </Anchor>
            {t.description && (
              <Text size="xs" c="dimmed" truncate>
                {t.description}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {t.libraryKey ? (
              <Badge variant="light" color="gray" tt="none">
                {t.libraryKey}
              </Badge>
            ) : (
              <Text span size="sm" c="dimmed">
                Own
              </Text>
            )}
          </Table.Td>
          <Table.Td fz="sm">{t.sections}</Table.Td>
          <Table.Td fz="sm">{t.questions}</Table.Td>
          <Table.Td fz="sm">v{t.currentVersion}</Table.Td>
          <Table.Td fz="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatDate(t.updatedAt)}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
