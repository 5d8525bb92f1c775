import { Badge, Button, Group, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { IconArchive, IconArchiveOff, IconEye, IconListDetails } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { questionnaireRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { PreviewTab } from "./PreviewTab";
import { QuestionsTab } from "./QuestionsTab";
import { setArchived, templateKeys, templateQuery } from "./queries";

/**
 * One questionnaire template: its questions as a reviewer reads them (conditions in words, scores
 * per option) and a live preview of the respondent's form with the score it would earn.
 */
export function TemplatePage() {
  const me = useMe();
  const { templateId } = questionnaireRoute.useParams();
  const allowed = can(me, "questionnaireTemplate", "read");
  const canWrite = can(me, "questionnaireTemplate", "write");
  const template = useQuery({ ...templateQuery(templateId), enabled: allowed });
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (archived: boolean) => setArchived(templateId, archived),
    onSuccess: (t) => {
      notifySuccess(t.archived ? "Template archived" : "Template restored", t.title);
      queryClient.setQueryData(templateKeys.detail(templateId), t);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
    onError: (e) => notifyError(e, "Could not change the template"),
  });

  if (!allowed) return <Forbidden />;
  if (isApiError(template.error, 404)) return <NotFoundPage what="questionnaire template" />;
  if (template.isError)
    return (
      <ErrorState
        error={template.error}
        onRetry={() => template.refetch()}
        title="Could not load the template"
      />
    );
  const t = template.data;

  const actions = t && canWrite && (
    <Button
      variant="default"
      leftSection={t.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
      loading={archive.isPending}
      onClick={() => archive.mutate(!t.archived)}
    >
      {t.archived ? "Restore" : "Archive"}
    </Button>
  );

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Questionnaires", to: "/questionnaires" }, { label: t?.title ?? "…" }]}
        title={
          t ? (
            <Group gap="sm" component="span">
              {t.title}
              <Badge variant="light" size="lg">
                v{t.currentVersion}
              </Badge>
              {t.archived && (
                <Badge variant="light" color="gray" size="lg">
                  Archived
                </Badge>
              )}
            </Group>
          ) : (
            <Skeleton height={30} width={320} />
          )
        }
        description={
          t && (
            <Text span c="dimmed" size="sm">
              {t.sections} sections · {t.questions} questions
              {t.libraryKey ? ` · from the library (${t.libraryKey})` : ""}
            </Text>
          )
        }
        actions={actions}
      />
      {t ? (
        <Stack gap="md">
          {t.description && <Text size="sm">{t.description}</Text>}
          <Tabs defaultValue="questions">
            <Tabs.List mb="md">
              <Tabs.Tab value="questions" leftSection={<IconListDetails size={16} />}>
                Questions
              </Tabs.Tab>
              <Tabs.Tab value="preview" leftSection={<IconEye size={16} />}>
                Preview
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="questions">
              <QuestionsTab content={t.content} />
            </Tabs.Panel>
            <Tabs.Panel value="preview">
              <PreviewTab content={t.content} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : (
        <Stack gap="md">
          <Skeleton height={36} />
          <Skeleton height={220} />
          <Skeleton height={220} />
        </Stack>
      )}
    </>
  );
}
