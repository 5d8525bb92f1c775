import { Anchor, Badge, Button, Card, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconArrowRight, IconCheck, IconX } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { RiskLevelBadge } from "../../components/RiskLevelBadge";
import { formatDateTime, fromNow } from "../../lib/format";
import { SIGNAL_STATUS_LABELS } from "../../lib/risks";
import type { RiskSignal } from "./queries";
import { SignalFacts } from "./SignalFacts";

const STATUS_COLORS = { open: "grape", accepted: "teal", dismissed: "gray", resolved: "blue" } as const;

/**
 * One signal: the proposed risk with its score, the rule and subject, the explanation and facts,
 * and the decision buttons the user is allowed to use.
 */
export function SignalCard(props: {
  signal: RiskSignal;
  canAccept: boolean;
  canDismiss: boolean;
  accepting: boolean;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const s = props.signal;
  return (
    <Card data-testid="signal-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="light" color="grape" radius="sm">
              {s.rule.title}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {s.category.name}
            </Badge>
            {s.status !== "open" && (
              <Badge variant="dot" color={STATUS_COLORS[s.status]}>
                {SIGNAL_STATUS_LABELS[s.status]}
              </Badge>
            )}
          </Group>
          <Text fw={600}>{s.title}</Text>
          <Text size="sm" c="dimmed">
            {s.partner ? (
              <Anchor component={Link} to={`/partners/${s.partner.id}/risk`} size="sm">
                {s.partner.name}
              </Anchor>
            ) : (
              "Organization-wide"
            )}
            {s.service ? ` · ${s.service.name}` : ""}
            {" · "}
            <Tooltip label={formatDateTime(s.raisedAt)}>
              <span>raised {fromNow(s.raisedAt)}</span>
            </Tooltip>
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <RiskLevelBadge level={s.score.level} score={s.score.score} size="lg" />
          <Text size="xs" c="dimmed">
            L{s.likelihood} × I{s.impact}
          </Text>
        </Stack>
      </Group>
      <Text size="sm" mt="sm">
        {s.explanation}
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {s.score.explanation}
      </Text>
      <div style={{ marginTop: 8 }}>
        <SignalFacts facts={s.facts} />
      </div>
      {s.status === "dismissed" && s.dismissReason && (
        <Text size="sm" mt="sm" c="dimmed">
          Dismissed by {s.decidedBy?.name ?? "someone"} {fromNow(s.decidedAt)}: “{s.dismissReason}”
        </Text>
      )}
      <Group justify="flex-end" gap="xs" mt="sm">
        {s.riskId && (
          <Button
            component={Link}
            to={`/risks/${s.riskId}`}
            variant="light"
            color="teal"
            size="xs"
            rightSection={<IconArrowRight size={14} />}
          >
            View risk
          </Button>
        )}
        {s.status === "open" && props.canDismiss && (
          <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={props.onDismiss}>
            Dismiss
          </Button>
        )}
        {s.status === "open" && props.canAccept && (
          <Button
            size="xs"
            leftSection={<IconCheck size={14} />}
            loading={props.accepting}
            onClick={props.onAccept}
          >
            Accept as risk
          </Button>
        )}
      </Group>
    </Card>
  );
}
