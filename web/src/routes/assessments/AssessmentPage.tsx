import { Anchor, Badge, Grid, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { isApiError } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden } from "../../components/States";
import { assessmentRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { AnswersPanel } from "./AnswersPanel";
import { AssessmentActions, REVIEW_STATUSES } from "./AssessmentActions";
import { DueDate } from "./AssessmentCard";
import { PURPOSE_LABELS, STATUS_COLORS, STATUS_LABELS } from "./labels";
import { assessmentQuery } from "./queries";
import { ProgressCard, ScoreCard } from "./ScoreCard";
import { HistoryCard, OutcomeCards, RecipientsCard } from "./SidePanels";

/**
 * The review screen: the answers section by section with the reviewer's Accept/Flag and comments
 * on the left; the score breakdown, progress, recipients, clarification and history on the right;
 * the status moves in the header.
 */
export function AssessmentPage() {
  const me = useMe();
  const { assessmentId } = assessmentRoute.useParams();
  const allowed = can(me, "assessment", "read");
  const query = useQuery({ ...assessmentQuery(assessmentId), enabled: allowed });
  if (!allowed) return <Forbidden />;
  if (isApiError(query.error, 404)) return <NotFoundPage what="assessment" />;
  if (query.isError)
    return (
      <ErrorState error={query.error} onRetry={() => query.refetch()} title="Could not load the assessment" />
    );
  if (query.isPending) return <PageSkeleton />;

  const a = query.data;
  const canReview = can(me, "assessment", "review") && REVIEW_STATUSES.includes(a.status);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Assessments", to: "/assessments" }, { label: a.partner.name }]}
        title={
          <Group gap="sm" component="span">
            {a.template.title}
            <Badge size="lg" variant="light" color={STATUS_COLORS[a.status]}>
              {STATUS_LABELS[a.status]}
            </Badge>
          </Group>
        }
        description={
          <Group gap="xs" component="span" fz="sm">
            <Anchor component={Link} to={`/partners/${a.partner.id}`} fw={600} size="sm">
              {a.partner.name}
            </Anchor>
            <Text span c="dimmed" size="sm">
              · version {a.template.version} · {PURPOSE_LABELS[a.purpose]} · due
            </Text>
            <DueDate item={a} />
          </Group>
        }
        actions={<AssessmentActions assessment={a} />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <AnswersPanel
            assessment={a}
            canReview={canReview}
            canRaiseRisk={can(me, "assessment", "review") && can(me, "risk", "create")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ScoreCard assessment={a} />
            <OutcomeCards assessment={a} />
            <ProgressCard assessment={a} />
            <RecipientsCard assessment={a} />
            <HistoryCard id={a.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The page's shape while it loads. */
function PageSkeleton() {
  return (
    <Stack gap="lg">
      <Stack gap={8}>
        <Skeleton height={14} width={200} />
        <Skeleton height={30} width={420} />
        <Skeleton height={14} width={320} />
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Skeleton height={260} radius="md" />
            <Skeleton height={200} radius="md" />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Skeleton height={240} radius="md" />
            <Skeleton height={120} radius="md" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
