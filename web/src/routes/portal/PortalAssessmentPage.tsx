import { Anchor, Card, Grid, Group, Skeleton, Stack } from "@mantine/core";
import { IconArrowLeft, IconFileOff } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { Empty, ErrorState } from "../../components/States";
import { portalAssessmentRoute } from "../../router";
import { AssessmentForm } from "./AssessmentForm";
import { assessmentQuery, portalKeys } from "./queries";

/**
 * One questionnaire in the portal. Loads it, then hands it to the form; the form keeps the
 * answers locally from then on (autosave), so it is remounted (`round`) only when the server's
 * answers must replace the local ones: after an Excel import or when the assessment stopped
 * being editable under the partner's feet.
 */
export function PortalAssessmentPage() {
  const { assessmentId } = portalAssessmentRoute.useParams();
  const queryClient = useQueryClient();
  const query = useQuery(assessmentQuery(assessmentId));
  const [round, setRound] = useState(0);

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: portalKeys.all });
    setRound((r) => r + 1);
  };

  return (
    <Stack gap="md">
      <Group>
        <Anchor component={Link} to="/portal" size="sm" c="dimmed">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            All questionnaires
          </Group>
        </Anchor>
      </Group>
      {query.isPending && <FormSkeleton />}
      {query.isError &&
        (isApiError(query.error, 404) ? (
          <Card withBorder radius="md">
            <Empty
              icon={<IconFileOff size={28} />}
              title="This questionnaire is not available"
              description="It may have been withdrawn, or the link is not for your company."
            />
          </Card>
        ) : (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ))}
      {query.data && (
        <AssessmentForm key={`${assessmentId}:${round}`} assessment={query.data} reload={reload} />
      )}
    </Stack>
  );
}

function FormSkeleton() {
  return (
    <Grid gap="lg" aria-busy>
      <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
        <Stack gap="sm">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={44} radius="md" />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md">
          <Skeleton height={28} width="55%" radius="sm" />
          <Skeleton height={14} width="35%" radius="sm" />
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={120} radius="md" />
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
