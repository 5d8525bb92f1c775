import { Card, Text, Title } from "@mantine/core";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { ActivityFeed } from "../../../components/ActivityFeed";
import { Forbidden } from "../../../components/States";
import { partnerRoute } from "../../../router";

/** Everything that happened to the partner and its sites, services, contacts and links. */
export function ActivityTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  if (!can(me, "audit", "read")) return <Forbidden />;
  return (
    <Card>
      <Title order={4}>Activity</Title>
      <Text size="sm" c="dimmed" mb="lg">
        From the tamper-evident audit trail: who changed what, and when.
      </Text>
      <ActivityFeed filter={{ relatedTo: partnerId }} />
    </Card>
  );
}
