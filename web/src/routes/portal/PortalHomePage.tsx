import { Badge, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconMoodSmile } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Empty, ErrorState } from "../../components/States";
import { AssessmentCard } from "./AssessmentCard";
import { assessmentsQuery, overviewQuery, type PortalAssessmentItem } from "./queries";
import { SharedDocuments } from "./SharedDocuments";

/**
 * The portal's start page: the partner's questionnaires, those waiting for them first (most
 * urgent due date first), then the ones already handed in, so "what do I have to do" is the top
 * of the page; below them, the documents shared with the partner user.
 */
export function PortalHomePage() {
  const overview = useQuery(overviewQuery);
  const list = useQuery(assessmentsQuery);
  const items = list.data?.items ?? [];
  const todo = items
    .filter((a) => a.editable)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const done = items.filter((a) => !a.editable);

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Title order={2}>Your questionnaires</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {overview.data
            ? `${overview.data.organization.name} asks ${overview.data.partner.name} to answer these. Answers save as you type.`
            : "Answers save as you type."}
        </Text>
        {overview.data && (overview.data.open > 0 || overview.data.overdue > 0) && (
          <Group gap="xs" mt="sm">
            <Badge variant="light" color="blue">
              {overview.data.open} open
            </Badge>
            {overview.data.overdue > 0 && (
              <Badge variant="light" color="red">
                {overview.data.overdue} overdue
              </Badge>
            )}
          </Group>
        )}
      </div>

      {list.isPending && <CardsSkeleton />}
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Card withBorder radius="md">
          <Empty
            icon={<IconMoodSmile size={28} />}
            title="Nothing to answer right now"
            description="When a questionnaire is sent to you, it appears here and you receive an email."
          />
        </Card>
      )}
      {todo.length > 0 && <CardGroup title="To answer" items={todo} />}
      {list.isSuccess && items.length > 0 && todo.length === 0 && (
        <Card withBorder radius="md" padding="md">
          <Group gap="sm" wrap="nowrap">
            <IconMoodSmile size={22} color="var(--mantine-color-teal-6)" />
            <Text size="sm">Nothing to answer right now: everything below has been handed in.</Text>
          </Group>
        </Card>
      )}
      {done.length > 0 && <CardGroup title="Submitted and closed" items={done} />}
      <SharedDocuments />
    </Stack>
  );
}

function CardGroup({ title, items }: { title: string; items: PortalAssessmentItem[] }) {
  return (
    <Stack gap="sm">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {items.map((a) => (
        <AssessmentCard key={a.id} item={a} />
      ))}
    </Stack>
  );
}

function CardsSkeleton() {
  return (
    <Stack gap="sm" aria-busy>
      {[0, 1, 2].map((i) => (
        <Card key={i} withBorder radius="md" padding="lg">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={16} width="60%" radius="sm" />
              <Skeleton height={12} width="40%" radius="sm" />
            </Stack>
            <Skeleton height={56} circle />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
