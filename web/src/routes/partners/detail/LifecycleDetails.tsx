import { Anchor, Badge, Button, Divider, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { type AssessmentConclusion, CONCLUSION_LABELS } from "../../../../../domain/assessments";
import { PARTNER_STATUS_LABELS } from "../../../../../domain/lifecycle";
import { formatDate, formatDateTime } from "../../../lib/format";
import { CONCLUSION_COLORS } from "../../assessments/labels";
import type { PartnerLifecycleView } from "./lifecycle";

const conclusionOf = (c: string) => c as AssessmentConclusion;

/**
 * Below the stepper: what the upcoming steps still need (informational, except the due-diligence
 * gate, which the server enforces), the latest completed due-diligence assessment, and the
 * recorded exceptions to the gate.
 */
export function LifecycleDetails({
  view,
  canRecordException,
  onRecordException,
}: {
  view: PartnerLifecycleView;
  canRecordException: boolean;
  onRecordException: () => void;
}) {
  const needing = view.steps.filter((s) => s.state === "upcoming" && s.needs.length > 0);
  // An exception is only worth recording while the gate still blocks the way into contracting.
  const gateClosed = view.steps.some(
    (s) => s.status === "contracting" && s.state === "upcoming" && s.needs.length > 0,
  );
  const dd = view.dueDiligence;
  return (
    <>
      <Divider my="lg" />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl">
        <Stack gap={6}>
          <Title order={6}>What the next steps need</Title>
          {needing.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing is missing for the steps ahead.
            </Text>
          ) : (
            <List size="sm" spacing={6}>
              {needing.map((s) => (
                <List.Item key={s.status}>
                  <Text span size="sm" fw={600}>
                    {s.label}:
                  </Text>{" "}
                  {s.needs.join("; ")}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="xs" c="dimmed">
            Only due diligence is enforced (before contracting); the other needs are reminders.
          </Text>
        </Stack>

        <Stack gap={6}>
          <Title order={6}>Due diligence</Title>
          {dd ? (
            <Group gap="xs" wrap="nowrap" align="center">
              <Badge color={CONCLUSION_COLORS[conclusionOf(dd.conclusion)] ?? "gray"} variant="light">
                {CONCLUSION_LABELS[conclusionOf(dd.conclusion)] ?? dd.conclusion}
              </Badge>
              <Anchor component={Link} to={`/assessments/${dd.assessmentId}`} size="sm">
                Assessment completed {formatDate(dd.completedAt)}
              </Anchor>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              No completed due-diligence assessment yet.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            The latest completed due-diligence assessment decides.
          </Text>
        </Stack>

        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Title order={6}>Exceptions</Title>
            {canRecordException && gateClosed && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="orange"
                leftSection={<IconShieldCheck size={14} />}
                onClick={onRecordException}
              >
                Record exception
              </Button>
            )}
          </Group>
          {view.exceptions.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <Stack gap="xs">
              {view.exceptions.map((x) => (
                <div key={x.id}>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lineClamp={4}>
                    {x.justification}
                  </Text>
                  <Text size="xs" c="dimmed">
                    To {PARTNER_STATUS_LABELS[x.toStatus]} · {x.createdBy?.name ?? "—"} ·{" "}
                    {formatDateTime(x.createdAt)}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </Stack>
      </SimpleGrid>
    </>
  );
}
