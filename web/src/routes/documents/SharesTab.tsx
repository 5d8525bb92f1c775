import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconShare } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { PagedTable } from "../../components/PagedTable";
import { Empty } from "../../components/States";
import { TableCard } from "../../components/TableCard";
import { notifyError, notifySuccess } from "../../lib/notify";
import { needsNda } from "./files";
import { CLASSIFICATION_LABELS } from "./labels";
import { type DocumentDetail, documentKeys, type ShareItem, sharesQuery } from "./queries";
import { ShareModal } from "./ShareModal";
import { ShareRow, SharesHead } from "./ShareRow";

/** A document's shares, newest first: live, expired or revoked; share and revoke where allowed. */
export function SharesTab(props: { document: DocumentDetail; partnerName: string | null }) {
  const d = props.document;
  const me = useMe();
  const queryClient = useQueryClient();
  const shares = useQuery(sharesQuery(d.id));
  const [opened, modal] = useDisclosure();
  const [revoking, setRevoking] = useState<ShareItem | null>(null);
  const revoke = useMutation({
    mutationFn: (shareId: string) =>
      unwrap(
        api.DELETE("/api/v1/documents/{id}/shares/{shareId}", { params: { path: { id: d.id, shareId } } }),
      ),
    onSuccess: () => {
      notifySuccess("Share revoked", revoking?.partner.name);
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: documentKeys.shares(d.id) });
    },
    onError: (e) => notifyError(e, "Could not revoke the share"),
  });
  const canShare = can(me, "document", "share");
  const shareButton = canShare && (
    <Button size="xs" leftSection={<IconShare size={14} />} onClick={modal.open}>
      Share
    </Button>
  );
  const items = shares.data?.items ?? [];

  return (
    <>
      <TableCard
        title="Shares"
        description={
          needsNda(d.classification)
            ? `${CLASSIFICATION_LABELS[d.classification]}: shared only under an NDA in force, every copy watermarked for its recipient.`
            : "Every copy a partner user opens is logged and, for PDF and images, marked for them."
        }
        actions={shareButton}
        error={shares.error}
        onRetry={() => shares.refetch()}
        errorTitle="Could not load the shares"
        empty={
          !shares.isPending &&
          items.length === 0 && (
            <Empty
              icon={<IconShare size={28} />}
              title="Not shared with anyone"
              description="Share it with a partner's portal users for a limited time; you can revoke a share at any moment."
              actions={shareButton}
            />
          )
        }
      >
        <PagedTable
          minWidth={900}
          head={<SharesHead />}
          firstLoad={shares.isPending}
          stale={false}
          columns={7}
        >
          {items.map((s) => (
            <ShareRow key={s.id} share={s} onRevoke={canShare ? setRevoking : undefined} />
          ))}
        </PagedTable>
      </TableCard>
      {canShare && (
        <ShareModal opened={opened} onClose={modal.close} document={d} partnerName={props.partnerName} />
      )}
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        loading={revoke.isPending}
        title={`Revoke the share with ${revoking?.partner.name ?? "this partner"}?`}
        confirmLabel="Revoke share"
      >
        Its recipients can no longer open the document from now on. Copies already downloaded stay marked for
        them and traceable; the access log keeps every past view and download.
      </ConfirmModal>
    </>
  );
}
