import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFileSearch, IconFiles, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, Forbidden, NoMatches } from "../../components/States";
import { TableCard } from "../../components/TableCard";
import { documentsRoute } from "../../router";
import { DocumentsTable, DocumentsTableHead } from "./DocumentsTable";
import { DocumentsToolbar } from "./DocumentsToolbar";
import { documentListQuery, usePartnerNames } from "./queries";
import { type DocumentsSearch, hasFilters } from "./search";
import { UploadDocumentModal } from "./UploadDocumentModal";

/** Every stored document: filters, cursor pages, upload, and the way to trace a leaked copy. */
export function DocumentsPage() {
  const me = useMe();
  const search = documentsRoute.useSearch();
  const navigate = useNavigate({ from: "/documents" });
  const pages = useCursorPages(JSON.stringify(search));
  const allowed = can(me, "document", "read");
  const list = useQuery({ ...documentListQuery(search, pages.cursor), enabled: allowed });
  const items = list.data?.items ?? [];
  const partnerNames = usePartnerNames(items.map((d) => d.partnerId));
  const [uploadOpened, upload] = useDisclosure();
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<DocumentsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { limit: search.limit } });
  if (!allowed) return <Forbidden />;

  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;
  const uploadButton = can(me, "document", "write") && (
    <Button leftSection={<IconUpload size={16} />} onClick={upload.open}>
      Upload
    </Button>
  );
  const traceButton = can(me, "document", "trace") && (
    <Button
      variant="default"
      leftSection={<IconFileSearch size={16} />}
      onClick={() => navigate({ to: "/documents/trace" })}
    >
      Trace a leaked file
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Documents"
        description="Encrypted at rest, shared under NDA, every copy marked for the person who receives it."
        actions={
          <>
            {traceButton}
            {uploadButton}
          </>
        }
      />
      <TableCard
        toolbar={<DocumentsToolbar search={search} onChange={setSearch} onClear={clear} />}
        error={list.error}
        onRetry={() => list.refetch()}
        errorTitle="Could not load documents"
        empty={
          isEmpty &&
          (!hasFilters(search) && pages.page === 1 ? (
            <Empty
              icon={<IconFiles size={28} />}
              title="No documents yet"
              description="Upload specifications, contracts and data you exchange with partners: they are stored encrypted, and each copy you share is watermarked for its recipient."
              actions={uploadButton}
            />
          ) : (
            <NoMatches title="No documents match" onClear={clear} />
          ))
        }
      >
        <PagedTable
          minWidth={960}
          head={<DocumentsTableHead />}
          firstLoad={firstLoad}
          stale={list.isPlaceholderData}
          columns={7}
          pager={{
            pages,
            nextCursor: list.data?.nextCursor,
            count: items.length,
            pageSize,
            onPageSize: (limit) => setSearch({ limit: limit === 25 ? undefined : limit }),
            loading: list.isFetching,
          }}
        >
          <DocumentsTable items={items} partnerNames={partnerNames} />
        </PagedTable>
      </TableCard>
      <UploadDocumentModal
        opened={uploadOpened}
        onClose={upload.close}
        onUploaded={(doc) => navigate({ to: "/documents/$documentId", params: { documentId: doc.id } })}
      />
    </>
  );
}
