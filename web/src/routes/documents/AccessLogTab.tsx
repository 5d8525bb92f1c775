import {
  ActionIcon,
  Badge,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCopy, IconEye } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AccessAction } from "../../../../domain/documents";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { Empty } from "../../components/States";
import { TableCard } from "../../components/TableCard";
import { formatDateTime, fromNow } from "../../lib/format";
import { ACCESS_ACTION_LABELS, WATERMARK_LABELS } from "./labels";
import { type AccessEntry, accessLogQuery, type DocumentDetail } from "./queries";

/** The copy id a fingerprint carries, with a copy button to paste into a report or a search. */
function CopyId({ value }: { value: string | null }) {
  if (!value)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={2} wrap="nowrap">
      <Text size="xs" ff="monospace">
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : "Copy the copy id"} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? "teal" : "gray"}
              size="sm"
              onClick={copy}
              aria-label="Copy the copy id"
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function Row({ e }: { e: AccessEntry }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(e.createdAt)}</Text>
          <Text size="xs" c="dimmed">
            {fromNow(e.createdAt)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td maw={240}>
        {e.user ? (
          <Stack gap={0}>
            <Text size="sm" truncate>
              {e.user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {e.user.email}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Deleted user
          </Text>
        )}
      </Table.Td>
      <Table.Td fz="sm" maw={180}>
        {e.partner?.name ?? (
          <Text size="sm" c="dimmed" span>
            Staff
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={e.action === "download" ? "grape" : "blue"}>
          {ACCESS_ACTION_LABELS[e.action]}
        </Badge>
      </Table.Td>
      <Table.Td fz="sm">v{e.version}</Table.Td>
      <Table.Td>
        <Text size="sm" c={e.watermark === "none" ? "dimmed" : undefined}>
          {WATERMARK_LABELS[e.watermark]}
        </Text>
      </Table.Td>
      <Table.Td>
        <CopyId value={e.copyId} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" c="dimmed">
          {e.ip ?? "—"}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ["When", "Who", "Partner", "Action", "Version", "Watermark", "Copy id", "IP"];

function AccessLogHead() {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        {COLUMNS.map((c) => (
          <Table.Th key={c}>{c}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Every copy delivered from this document: who, when, which version, how it was marked. */
export function AccessLogTab({ document: d }: { document: DocumentDetail }) {
  const [action, setAction] = useState<AccessAction | undefined>(undefined);
  const pages = useCursorPages(action ?? "all");
  const log = useQuery(accessLogQuery(d.id, action, pages.cursor));
  const items = log.data?.items ?? [];
  return (
    <TableCard
      title="Access log"
      description="Each marked copy carries its copy id in an invisible fingerprint: a leaked file leads back to its row."
      actions={
        <SegmentedControl
          size="xs"
          value={action ?? "all"}
          onChange={(v) => setAction(v === "all" ? undefined : (v as AccessAction))}
          data={[
            { value: "all", label: "All" },
            { value: "view", label: "Views" },
            { value: "download", label: "Downloads" },
          ]}
        />
      }
      error={log.error}
      onRetry={() => log.refetch()}
      errorTitle="Could not load the access log"
      empty={
        !log.isPending &&
        items.length === 0 &&
        pages.page === 1 && (
          <Empty
            icon={<IconEye size={28} />}
            title={
              action ? `No ${action === "view" ? "views" : "downloads"} yet` : "Nobody has opened it yet"
            }
            description="Views and downloads by partner users appear here as they happen."
          />
        )
      }
    >
      <PagedTable
        minWidth={1000}
        head={<AccessLogHead />}
        firstLoad={log.isPending}
        stale={log.isPlaceholderData}
        columns={8}
        pager={{ pages, nextCursor: log.data?.nextCursor, count: items.length, loading: log.isFetching }}
      >
        {items.map((e) => (
          <Row key={e.id} e={e} />
        ))}
      </PagedTable>
    </TableCard>
  );
}
