import { Badge, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { SortHeader } from "../../components/SortHeader";
import { formatDate } from "../../lib/format";
import { DueDate, ScoreBadge } from "./AssessmentCard";
import { progressPercent } from "./answers";
import { CONCLUSION_COLORS, CONCLUSION_LABELS, PURPOSE_LABELS, STATUS_COLORS, STATUS_LABELS } from "./labels";
import type { AssessmentSort } from "./search";
import type { AssessmentListItem } from "./types";

/** Number of columns of the table (for skeletons), with and without the partner column. */
export const tableColumns = (hidePartner?: boolean) => (hidePartner ? 7 : 8);

/** The header row, with server-side sort on the sortable columns when `onSort` is given. */
export function AssessmentsTableHead(props: {
  sort: AssessmentSort;
  onSort?: (s: AssessmentSort) => void;
  /** The partner tab lists one partner's assessments: the column would repeat its name. */
  hidePartner?: boolean;
}) {
  const { sort, onSort } = props;
  const header = (field: string, label: string) =>
    onSort ? (
      <SortHeader field={field} label={label} sort={sort} onSort={(s) => onSort(s as AssessmentSort)} />
    ) : (
      <Table.Th>{label}</Table.Th>
    );
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        {!props.hidePartner && header("partner", "Partner")}
        <Table.Th>Questionnaire</Table.Th>
        <Table.Th>Status</Table.Th>
        {header("dueDate", "Due")}
        <Table.Th>Progress</Table.Th>
        <Table.Th>Score</Table.Th>
        <Table.Th>Conclusion</Table.Th>
        {header("updatedAt", "Updated")}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Assessment rows; a click anywhere on a row opens the review screen. */
export function AssessmentsTable({
  items,
  hidePartner,
}: {
  items: AssessmentListItem[];
  hidePartner?: boolean;
}) {
  const navigate = useNavigate();
  const open = (id: string) => navigate({ to: "/assessments/$assessmentId", params: { assessmentId: id } });
  return (
    <>
      {items.map((a) => (
        <Table.Tr
          key={a.id}
          className="row-link"
          tabIndex={0}
          onClick={() => open(a.id)}
          onKeyDown={(e) => {
            if (e.key === "Enter") open(a.id);
          }}
        >
          {!hidePartner && (
            <Table.Td maw={220}>
              <Text fw={600} size="sm" truncate>
                {a.partner.name}
              </Text>
            </Table.Td>
          )}
          <Table.Td maw={280}>
            <Stack gap={2}>
              <Text size="sm" lineClamp={1} fw={hidePartner ? 600 : undefined}>
                {a.template.title}
              </Text>
              <Text size="xs" c="dimmed">
                v{a.template.version} · {PURPOSE_LABELS[a.purpose]}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={STATUS_COLORS[a.status]}>
              {STATUS_LABELS[a.status]}
            </Badge>
          </Table.Td>
          <Table.Td>
            <DueDate item={a} />
          </Table.Td>
          <Table.Td w={140}>
            <Group gap={6} wrap="nowrap">
              <Progress value={progressPercent(a.progress)} size="sm" w={70} aria-label="Progress" />
              <Text size="xs" c="dimmed">
                {a.progress.answered}/{a.progress.visible}
              </Text>
            </Group>
          </Table.Td>
          <Table.Td>
            {a.score === null ? (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ) : (
              <ScoreBadge score={a.score} />
            )}
          </Table.Td>
          <Table.Td>
            {a.conclusion ? (
              <Badge variant="light" color={CONCLUSION_COLORS[a.conclusion]}>
                {CONCLUSION_LABELS[a.conclusion]}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Table.Td>
          <Table.Td fz="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            {formatDate(a.updatedAt)}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
