import { Badge, Button, Group, Skeleton, Stack, Tabs, Text, Tooltip } from "@mantine/core";
import {
  IconArchive,
  IconArchiveOff,
  IconEye,
  IconHistory,
  IconListDetails,
  IconPencil,
  IconTools,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isApiError } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { questionnaireRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { BuilderTab } from "./BuilderTab";
import { EditBar } from "./EditBar";
import { takeEditRequest } from "./editIntent";
import { PreviewTab } from "./PreviewTab";
import { QuestionsTab } from "./QuestionsTab";
import { setArchived, type Template, templateKeys, templateQuery } from "./queries";
import { type TemplateDraft, useTemplateDraft } from "./useTemplateDraft";
import { VersionsTab } from "./VersionsTab";

/**
 * One questionnaire template: its questions as a reviewer reads them, a live preview of the
 * respondent's form, its versions, and (for editors) the builder. In edit mode the preview shows
 * the unsaved draft, so an editor tries a change before saving it.
 */
export function TemplatePage() {
  const me = useMe();
  const { templateId } = questionnaireRoute.useParams();
  const allowed = can(me, "questionnaireTemplate", "read");
  const canWrite = can(me, "questionnaireTemplate", "write");
  const template = useQuery({ ...templateQuery(templateId), enabled: allowed });
  const draft = useTemplateDraft(template.data);
  const [tab, setTab] = useState<string>("questions");
  const [confirmDiscard, setConfirmDiscard] = useState(false);
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

  const startEditing = () => {
    draft.start();
    setTab("builder");
  };
  const stopEditing = () => {
    draft.discard();
    setConfirmDiscard(false);
    setTab("questions");
  };
  // "New blank template" opens its template straight in the builder.
  const loaded = template.data !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the template first loads
  useEffect(() => {
    if (loaded && canWrite && takeEditRequest(templateId)) startEditing();
  }, [loaded]);
  // After a save the draft is gone: back to the read view of the new version.
  useEffect(() => {
    if (!draft.editing && tab === "builder") setTab("questions");
  }, [draft.editing, tab]);

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

  const actions = t && canWrite && !draft.editing && (
    <Group gap="xs">
      <Tooltip label="Restore the template to edit it" disabled={!t.archived}>
        <Button leftSection={<IconPencil size={16} />} onClick={startEditing} disabled={t.archived}>
          Edit
        </Button>
      </Tooltip>
      <Button
        variant="default"
        leftSection={t.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
        loading={archive.isPending}
        onClick={() => archive.mutate(!t.archived)}
      >
        {t.archived ? "Restore" : "Archive"}
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Questionnaires", to: "/questionnaires" }, { label: t?.title ?? "…" }]}
        title={t ? <TemplateTitle template={t} /> : <Skeleton height={30} width={320} />}
        description={
          t && (
            <Text span c="dimmed" size="sm">
              {plural(t.sections, "section")} · {plural(t.questions, "question")}
              {t.libraryKey ? ` · from the library (${t.libraryKey})` : ""}
            </Text>
          )
        }
        actions={actions}
      />
      {t ? (
        <Stack gap="md">
          {draft.editing ? (
            <EditBar
              template={t}
              draft={draft}
              onDiscard={() => (draft.dirty ? setConfirmDiscard(true) : stopEditing())}
            />
          ) : (
            t.description && <Text size="sm">{t.description}</Text>
          )}
          <TemplateTabs template={t} draft={draft} tab={tab} onTab={setTab} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Skeleton height={36} />
          <Skeleton height={220} />
          <Skeleton height={220} />
        </Stack>
      )}
      <ConfirmModal
        opened={confirmDiscard}
        onClose={() => setConfirmDiscard(false)}
        onConfirm={stopEditing}
        title="Discard your changes?"
        confirmLabel="Discard changes"
      >
        The edits made since you started editing are lost; the template stays as it was.
      </ConfirmModal>
      <ConfirmModal
        opened={draft.blocker.status === "blocked"}
        onClose={() => draft.blocker.reset?.()}
        onConfirm={() => draft.blocker.proceed?.()}
        title="Leave without saving?"
        confirmLabel="Leave and discard"
      >
        This template has unsaved changes. Leaving the page discards them.
      </ConfirmModal>
    </>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function TemplateTitle({ template: t }: { template: Template }) {
  return (
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
  );
}

/** Builder (editing) or Questions (reading), then Preview and Versions. */
function TemplateTabs({
  template: t,
  draft,
  tab,
  onTab,
}: {
  template: Template;
  draft: TemplateDraft;
  tab: string;
  onTab: (tab: string) => void;
}) {
  const content = draft.draft ?? t.content;
  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v)} keepMounted={false}>
      <Tabs.List mb="md">
        {draft.editing ? (
          <Tabs.Tab value="builder" leftSection={<IconTools size={16} />}>
            Builder
          </Tabs.Tab>
        ) : (
          <Tabs.Tab value="questions" leftSection={<IconListDetails size={16} />}>
            Questions
          </Tabs.Tab>
        )}
        <Tabs.Tab value="preview" leftSection={<IconEye size={16} />}>
          {draft.editing ? "Preview (unsaved)" : "Preview"}
        </Tabs.Tab>
        <Tabs.Tab value="versions" leftSection={<IconHistory size={16} />}>
          Versions ({t.versions.length})
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="questions">
        <QuestionsTab content={t.content} />
      </Tabs.Panel>
      {draft.draft && (
        <Tabs.Panel value="builder">
          <BuilderTab content={draft.draft} errors={draft.errors} edit={draft.edit} />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="preview">
        <PreviewTab content={content} />
      </Tabs.Panel>
      <Tabs.Panel value="versions">
        <VersionsTab template={t} />
      </Tabs.Panel>
    </Tabs>
  );
}
