import { Alert, Card, Group, Text, Title } from "@mantine/core";
import { IconDoorExit } from "@tabler/icons-react";
import { formatDate } from "../../../lib/format";
import type { Contract } from "../queries";

/** Whether an exit plan exists, what it says and when it was last tested. */
export function ExitPlanCard({ contract }: { contract: Contract }) {
  const plan = contract.exitPlan;
  return (
    <Card h="100%">
      <Group gap="xs" mb="sm">
        <IconDoorExit size={18} />
        <Title order={5}>Exit plan</Title>
      </Group>
      {!plan.has ? (
        <Alert color="orange" variant="light" title="No exit plan">
          Without a documented exit plan, leaving this partner (or losing it) has no rehearsed path. Critical
          services need one.
        </Alert>
      ) : (
        <>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={plan.summary ? undefined : "dimmed"}>
            {plan.summary ?? "The plan exists but has no summary yet."}
          </Text>
          <Text size="xs" c={plan.lastTestedAt ? "dimmed" : "orange.8"} mt="sm">
            {plan.lastTestedAt ? `Last tested ${formatDate(plan.lastTestedAt)}` : "Never tested"}
          </Text>
        </>
      )}
    </Card>
  );
}
