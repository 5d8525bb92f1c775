import { Button, Card, Group, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import {
  IconClock,
  IconDownload,
  IconEye,
  IconFile,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconFolderOpen,
  IconLock,
  IconPhoto,
  IconSignature,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../components/States";
import { daysUntil, formatDate } from "../../lib/format";
import { ClassificationBadge } from "../documents/ClassificationBadge";
import { fileKind } from "../documents/files";
import { formatBytes } from "./labels";
import { documentContentHref, type SharedDocument, sharedDocumentsQuery } from "./queries";

/** Why a shared document cannot be opened right now, in the partner's terms. */
const UNAVAILABLE_REASONS: Record<NonNullable<SharedDocument["unavailableReason"]>, string> = {
  nda_required: "Held back until the NDA is renewed",
};

/** "PDF", "PNG", "CSV": the short type a person recognises, from the file's name. */
function typeLabel(d: SharedDocument): string {
  const ext = d.fileName.includes(".") ? d.fileName.split(".").pop() : "";
  return ext ? ext.toUpperCase() : d.contentType;
}

function KindIcon({ d }: { d: SharedDocument }) {
  const kind = fileKind(d.contentType, d.fileName);
  const Icon =
    kind === "pdf"
      ? IconFileTypePdf
      : kind === "image"
        ? IconPhoto
        : kind === "sheet"
          ? IconFileSpreadsheet
          : IconFile;
  return (
    <ThemeIcon
      size={40}
      radius="md"
      variant="light"
      color={d.available ? "brand" : "gray"}
      style={{ flexShrink: 0 }}
    >
      <Icon size={22} />
    </ThemeIcon>
  );
}

/**
 * The documents the organization shared with this partner user: what each is, until when it is
 * available, and View / Download as the share allows. Items held back (an NDA lapsed) stay listed,
 * greyed, with the reason, so the partner knows what to ask for rather than wondering where it went.
 */
export function SharedDocuments() {
  const list = useQuery(sharedDocumentsQuery);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="portal-documents">
      <div>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          Shared documents
        </Text>
        <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
          <IconSignature
            size={15}
            color="var(--mantine-color-dimmed)"
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <Text size="xs" c="dimmed">
            Every PDF and image you open is marked for you personally, visibly and invisibly, and every access
            is logged. Handle these documents under your NDA and do not forward them.
          </Text>
        </Group>
      </div>
      {list.isPending &&
        [0, 1].map((i) => (
          <Card key={i} withBorder radius="md" padding="md" aria-busy>
            <Group gap="md" wrap="nowrap">
              <Skeleton height={40} width={40} radius="md" />
              <Stack gap={8} style={{ flex: 1 }}>
                <Skeleton height={14} width="55%" radius="sm" />
                <Skeleton height={11} width="35%" radius="sm" />
              </Stack>
            </Group>
          </Card>
        ))}
      {list.isError && (
        <ErrorState
          error={list.error}
          onRetry={() => list.refetch()}
          title="Could not load the shared documents"
        />
      )}
      {list.isSuccess && items.length === 0 && (
        <Card withBorder radius="md" padding="md">
          <Group gap="sm" wrap="nowrap">
            <IconFolderOpen size={22} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed">
              No documents are shared with you at the moment. When one is, it appears here.
            </Text>
          </Group>
        </Card>
      )}
      {items.map((d) => (
        <DocumentCard key={d.shareId} d={d} />
      ))}
    </Stack>
  );
}

function DocumentCard({ d }: { d: SharedDocument }) {
  const days = daysUntil(d.expiresAt);
  const soon = d.available && days <= 7;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="portal-document"
      bg={d.available ? undefined : "var(--mantine-color-gray-0)"}
    >
      <Group justify="space-between" gap="md" wrap="wrap">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: "1 1 260px" }}>
          <KindIcon d={d} />
          <Stack gap={4} style={{ minWidth: 0, opacity: d.available ? 1 : 0.65 }}>
            <Text fw={600} lh={1.3} style={{ overflowWrap: "anywhere" }}>
              {d.title}
            </Text>
            <Group gap="xs" wrap="wrap">
              <ClassificationBadge value={d.classification} explain={false} size="sm" />
              <Text size="xs" c="dimmed">
                {typeLabel(d)} · {formatBytes(d.size)}
              </Text>
            </Group>
            {d.available ? (
              <Group gap={4} wrap="nowrap">
                <IconClock size={13} color={`var(--mantine-color-${soon ? "orange-7" : "dimmed"})`} />
                <Text size="xs" c={soon ? "orange.8" : "dimmed"} fw={soon ? 600 : 400}>
                  Available until {formatDate(d.expiresAt)}
                </Text>
              </Group>
            ) : (
              <Group gap={4} wrap="nowrap">
                <IconLock size={13} color="var(--mantine-color-dimmed)" />
                <Text size="xs" c="dimmed" fw={600}>
                  {d.unavailableReason ? UNAVAILABLE_REASONS[d.unavailableReason] : "Not available right now"}
                </Text>
              </Group>
            )}
          </Stack>
        </Group>
        {d.available && <Actions d={d} />}
      </Group>
    </Card>
  );
}

function Actions({ d }: { d: SharedDocument }) {
  if (!d.viewable && !d.allowDownload)
    return (
      <Text size="xs" c="dimmed" maw={220}>
        This file type opens only as a download, which this share does not allow.
      </Text>
    );
  return (
    <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
      {d.viewable && (
        <Button
          component="a"
          href={documentContentHref(d.id, "inline")}
          target="_blank"
          rel="noopener"
          variant="light"
          leftSection={<IconEye size={16} />}
        >
          View
        </Button>
      )}
      {d.allowDownload && (
        <Button
          component="a"
          href={documentContentHref(d.id, "attachment")}
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Download
        </Button>
      )}
    </Group>
  );
}
