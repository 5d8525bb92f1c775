import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFiles, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { useCursorPages } from "../../../components/CursorPager";
import { PagedTable } from "../../../components/PagedTable";
import { Empty, Forbidden } from "../../../components/States";
import { TableCard } from "../../../components/TableCard";
import { partnerRoute } from "../../../router";
import { DocumentsTable, DocumentsTableHead } from "../../documents/DocumentsTable";
import { documentListQuery } from "../../documents/queries";
import { UploadDocumentModal } from "../../documents/UploadDocumentModal";
import { partnerQuery } from "../queries";

/**
 * The partner's document room: the documents filed under or shared with this partner, newest first, with an upload
 * that files the new document here. Sharing, versions and the access log live on each document.
 */
export function DocumentsTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const navigate = useNavigate();
  const partner = useQuery(partnerQuery(partnerId));
  const allowed = can(me, "document", "read");
  const pages = useCursorPages(partnerId);
  const list = useQuery({ ...documentListQuery({ partnerId }, pages.cursor), enabled: allowed });
  const [uploadOpened, upload] = useDisclosure();
  if (!allowed) return <Forbidden />;
  const items = list.data?.items ?? [];
  const uploadButton = can(me, "document", "write") && (
    <Button size="xs" leftSection={<IconUpload size={14} />} onClick={upload.open}>
      Upload
    </Button>
  );

  return (
    <>
      <TableCard
        title="Document room"
        description="Documents filed under or shared with this partner. Open one to share it, see its versions and who received a copy."
        actions={
          <>
            <Button
              size="xs"
              variant="default"
              onClick={() => navigate({ to: "/documents", search: { partnerId } })}
            >
              Open in document list
            </Button>
            {uploadButton}
          </>
        }
        error={list.error}
        onRetry={() => list.refetch()}
        errorTitle="Could not load documents"
        empty={
          !list.isPending &&
          items.length === 0 &&
          pages.page === 1 && (
            <Empty
              icon={<IconFiles size={28} />}
              title="No documents with this partner"
              description="Upload the specifications, data and contracts you exchange with this partner; shared copies are watermarked for each recipient."
              actions={uploadButton}
            />
          )
        }
      >
        <PagedTable
          minWidth={760}
          head={<DocumentsTableHead hidePartner />}
          firstLoad={list.isPending}
          stale={list.isPlaceholderData}
          columns={6}
          pager={{ pages, nextCursor: list.data?.nextCursor, count: items.length, loading: list.isFetching }}
        >
          <DocumentsTable items={items} hidePartner />
        </PagedTable>
      </TableCard>
      <UploadDocumentModal
        opened={uploadOpened}
        onClose={upload.close}
        partner={partner.data ? { id: partnerId, name: partner.data.name } : undefined}
        onUploaded={(doc) => navigate({ to: "/documents/$documentId", params: { documentId: doc.id } })}
      />
    </>
  );
}
