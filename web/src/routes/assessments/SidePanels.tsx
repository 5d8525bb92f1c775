import { Alert, Avatar, Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconBan, IconMessageQuestion, IconNote } from "@tabler/icons-react";
import { allQuestions } from "../../../../domain/questionnaire-answers";
import { ActivityFeed, initials } from "../../components/ActivityFeed";
import { Fact } from "../../components/Fact";
import { formatDate, formatDateTime } from "../../lib/format";
import { CONCLUSION_COLORS, CONCLUSION_LABELS } from "./labels";
import type { Assessment } from "./types";

/** Who answers for the partner, and whether each has been invited to the portal yet. */
export function RecipientsCard({ assessment: a }: { assessment: Assessment }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={5} mb="sm">
        Recipients
      </Title>
      <Stack gap="sm">
        {a.recipients.map((r) => (
          <Group key={`${r.contactId}-${r.email}`} gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar size={30} radius="xl" color="brand">
                {initials(r.name)}
              </Avatar>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {r.email}
                </Text>
              </Stack>
            </Group>
            {r.invitedAt ? (
              <Badge size="sm" variant="light" color="teal" title={formatDateTime(r.invitedAt)}>
                Invited {formatDate(r.invitedAt)}
              </Badge>
            ) : (
              <Badge size="sm" variant="light" color="gray">
                Not invited yet
              </Badge>
            )}
          </Group>
        ))}
        {a.recipients.length === 0 && (
          <Text size="sm" c="dimmed">
            No recipients.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * What is settled or pending besides the answers: the clarification asked of the partner, the
 * conclusion and its note, a cancellation's reason, and the internal note.
 */
export function OutcomeCards({ assessment: a }: { assessment: Assessment }) {
  const questionText = new Map(allQuestions(a.content).map((q) => [q.key, q.text]));
  return (
    <>
      {a.status === "completed" && a.conclusion && (
        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" mb="xs">
            <Title order={5}>Conclusion</Title>
            <Badge color={CONCLUSION_COLORS[a.conclusion]} variant="light" size="lg">
              {CONCLUSION_LABELS[a.conclusion]}
            </Badge>
          </Group>
          {a.conclusionNote && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mb="xs">
              {a.conclusionNote}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {a.concludedBy ? `By ${a.concludedBy.name}, ` : ""}
            {formatDateTime(a.completedAt)}
          </Text>
        </Card>
      )}
      {a.status === "cancelled" && (
        <Alert color="gray" icon={<IconBan size={18} />} title="Cancelled">
          {a.cancelReason ?? "No reason given."}
        </Alert>
      )}
      {a.clarification && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconMessageQuestion size={18} />}
          title={
            a.status === "clarification_requested" ? "Clarification requested" : "Last clarification asked"
          }
        >
          <Stack gap="xs">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {a.clarification.message}
            </Text>
            {a.clarification.questionKeys.length > 0 && (
              <List size="sm" spacing={2}>
                {a.clarification.questionKeys.map((k) => (
                  <List.Item key={k}>{questionText.get(k) ?? k}</List.Item>
                ))}
              </List>
            )}
            <Text size="xs" c="dimmed">
              {a.clarification.requestedBy ? `${a.clarification.requestedBy.name}, ` : ""}
              {formatDateTime(a.clarification.requestedAt)}
            </Text>
          </Stack>
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Group gap="xl" wrap="wrap">
            <Fact label="Created">{formatDate(a.createdAt)}</Fact>
            <Fact label="Sent">{formatDate(a.sentAt)}</Fact>
            <Fact label="Submitted">{formatDate(a.submittedAt)}</Fact>
          </Group>
          {a.createdBy && <Fact label="Created by">{a.createdBy.name}</Fact>}
          {a.note && (
            <Fact label="Internal note">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconNote size={14} style={{ marginTop: 3, flexShrink: 0 }} />
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {a.note}
                </Text>
              </Group>
            </Fact>
          )}
        </Stack>
      </Card>
    </>
  );
}

/** The assessment's audit trail: who sent, reviewed, sent back and concluded it, and when. */
export function HistoryCard({ id }: { id: string }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={5} mb="md">
        History
      </Title>
      <ActivityFeed historyOf={{ kind: "assessments", id }} pageSize={10} showChanges={false} />
    </Card>
  );
}
