import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../../api/client";
import { formatDateTime } from "../../../lib/format";
import { SignalFacts } from "../../signals/SignalFacts";

/** The signal this risk was accepted from: the rule, its explanation and facts as they stood. */
export function SignalOriginCard({ signalId }: { signalId: string }) {
  const signal = useQuery({
    queryKey: ["risk-signals", "detail", signalId],
    queryFn: () => unwrap(api.GET("/api/v1/risk-signals/{id}", { params: { path: { id: signalId } } })),
  });
  const s = signal.data;
  return (
    <Card>
      <Group gap="xs" mb="xs">
        <IconBolt size={18} color="var(--mantine-color-grape-6)" />
        <Title order={5}>Raised by a signal</Title>
      </Group>
      {!s ? (
        <Text size="sm" c="dimmed">
          {signal.isError ? "The originating signal is no longer available." : "Loading…"}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            <b>{s.rule.title}</b> · raised {formatDateTime(s.raisedAt)}
            {s.decidedBy ? ` · accepted by ${s.decidedBy.name}` : ""}
          </Text>
          <Text size="sm">{s.explanation}</Text>
          <SignalFacts facts={s.facts} />
          <Anchor
            renderRoot={(props) => <Link to="/signals" search={{ status: s.status }} {...props} />}
            size="sm"
          >
            Open the signals inbox
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
