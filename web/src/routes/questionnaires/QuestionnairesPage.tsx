import { Button, Card, Group, Switch } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBooks, IconChecklist, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden } from "../../components/States";
import { LibraryModal } from "./LibraryModal";
import { NewTemplateModal } from "./NewTemplateModal";
import { templatePageQuery } from "./queries";
import { TEMPLATE_COLUMNS, TemplatesTable, TemplatesTableHead } from "./TemplatesTable";

/**
 * "Questionnaires": the organization's due-diligence questionnaire templates, active or archived,
 * and (for editors) the bundled library to add more from.
 */
export function QuestionnairesPage() {
  const me = useMe();
  const allowed = can(me, "questionnaireTemplate", "read");
  const canWrite = can(me, "questionnaireTemplate", "write");
  const [archived, setArchived] = useState(false);
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages(`${archived}:${pageSize}`);
  const list = useQuery({ ...templatePageQuery(archived, pageSize, pages.cursor), enabled: allowed });
  const [libraryOpened, library] = useDisclosure();
  const [blankOpened, blank] = useDisclosure();
  if (!allowed) return <Forbidden />;

  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;
  const addButton = canWrite && (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={blank.open}>
        New blank template
      </Button>
      <Button leftSection={<IconBooks size={16} />} onClick={library.open}>
        Add from library
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Due-diligence questionnaire templates: what partners are asked, how answers score and which risks they raise."
        actions={addButton}
      />
      <Card p={0} className="table-card">
        <Group px="md" py="sm" justify="flex-end">
          <Switch
            label="Show archived"
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
          />
        </Group>
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState
              error={list.error}
              onRetry={() => list.refetch()}
              title="Could not load the templates"
            />
          </div>
        ) : isEmpty && archived ? (
          <Empty icon={<IconChecklist size={28} />} title="No archived templates" />
        ) : isEmpty && pages.page === 1 ? (
          <Empty
            icon={<IconChecklist size={28} />}
            title="No questionnaire templates yet"
            description="Outsight ships a library of ready-made templates (information security, privacy, business continuity, financial health and more). Add one to your organization to review it, preview it as a partner would see it and send it out."
            actions={addButton}
          />
        ) : (
          <PagedTable
            minWidth={820}
            head={<TemplatesTableHead />}
            firstLoad={firstLoad}
            stale={list.isPlaceholderData}
            columns={TEMPLATE_COLUMNS}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              pageSize,
              onPageSize: setPageSize,
              loading: list.isFetching,
            }}
          >
            <TemplatesTable items={items} />
          </PagedTable>
        )}
      </Card>
      {canWrite && <LibraryModal opened={libraryOpened} onClose={library.close} />}
      {canWrite && <NewTemplateModal opened={blankOpened} onClose={blank.close} />}
    </>
  );
}
