import { Anchor, Button, Group, Skeleton, Tabs, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload, IconHistory, IconShare, IconTrash, IconUsers } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { api, isApiError, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { documentRoute } from "../../router";
import { NotFoundPage } from "../NotFoundPage";
import { AccessLogTab } from "./AccessLogTab";
import { ClassificationBadge } from "./ClassificationBadge";
import { FileName } from "./FileName";
import { formatBytes } from "./files";
import { documentKeys, documentQuery, usePartnerNames } from "./queries";
import { SharesTab } from "./SharesTab";
import { contentUrl } from "./upload";
import { VersionsTab } from "./VersionsTab";

/** One document: what it is, who it is shared with, every version and every delivered copy. */
export function DocumentPage() {
  const me = useMe();
  const { documentId } = documentRoute.useParams();
  const doc = useQuery(documentQuery(documentId));
  const partnerNames = usePartnerNames([doc.data?.partnerId ?? null]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleteOpened, confirmDelete] = useDisclosure();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/documents/{id}", { params: { path: { id: documentId } } })),
    onSuccess: () => {
      notifySuccess("Document deleted", doc.data?.title);
      void navigate({ to: "/documents" });
      queryClient.removeQueries({ queryKey: documentKeys.detail(documentId) });
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the document"),
  });

  if (isApiError(doc.error, 404)) return <NotFoundPage what="document" />;
  if (doc.isError)
    return <ErrorState error={doc.error} onRetry={() => doc.refetch()} title="Could not load the document" />;
  const d = doc.data;
  const partnerName = d?.partnerId ? partnerNames.get(d.partnerId) : undefined;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Documents", to: "/documents" }, { label: d?.title ?? "…" }]}
        title={
          d ? (
            <Group gap="sm" component="span">
              {d.title}
              <ClassificationBadge value={d.classification} size="lg" />
            </Group>
          ) : (
            <Skeleton height={30} width={320} />
          )
        }
        description={
          d && (
            <Group gap={6} component="span" wrap="wrap">
              <FileName fileName={d.fileName} contentType={d.contentType} maw={360} />
              <Text span size="sm" c="dimmed">
                · {formatBytes(d.size)} · version {d.currentVersion} · updated {formatDateTime(d.updatedAt)}
                {d.partnerId && " · "}
              </Text>
              {d.partnerId && (
                <Anchor
                  size="sm"
                  renderRoot={(p) => (
                    <Link
                      to="/partners/$partnerId/documents"
                      params={{ partnerId: d.partnerId ?? "" }}
                      {...p}
                    />
                  )}
                >
                  {partnerName ?? "…"}
                </Anchor>
              )}
            </Group>
          )
        }
        actions={
          d && (
            <>
              {can(me, "document", "delete") && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={confirmDelete.open}
                >
                  Delete
                </Button>
              )}
              <Button component="a" href={contentUrl(d.id)} download leftSection={<IconDownload size={16} />}>
                Download
              </Button>
            </>
          )
        }
      />
      {!d ? (
        <Skeleton height={320} />
      ) : (
        <Tabs defaultValue="shares" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="shares" leftSection={<IconShare size={16} />}>
              Shares
            </Tabs.Tab>
            <Tabs.Tab value="versions" leftSection={<IconHistory size={16} />}>
              Versions ({d.versions.length})
            </Tabs.Tab>
            {can(me, "document", "accessLog") && (
              <Tabs.Tab value="access" leftSection={<IconUsers size={16} />}>
                Access log
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="shares">
            <SharesTab document={d} partnerName={partnerName ?? null} />
          </Tabs.Panel>
          <Tabs.Panel value="versions">
            <VersionsTab document={d} />
          </Tabs.Panel>
          {can(me, "document", "accessLog") && (
            <Tabs.Panel value="access">
              <AccessLogTab document={d} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      <ConfirmModal
        opened={deleteOpened}
        onClose={confirmDelete.close}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={`Delete ${d?.title ?? "this document"}?`}
        confirmLabel="Delete document"
      >
        Every version is deleted and partners can no longer open it, whatever was shared. The audit trail
        keeps a record.
      </ConfirmModal>
    </>
  );
}
