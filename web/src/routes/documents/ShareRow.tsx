import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { formatDate, formatDateTime, fromNow } from "../../lib/format";
import { SHARE_STATUS_COLORS, SHARE_STATUS_LABELS } from "./labels";
import type { ShareItem } from "./queries";

/** Who the shared copies go to: "All portal users", or the named recipients. */
function Recipients({ share }: { share: ShareItem }) {
  if (share.scope === "partner")
    return (
      <Text size="sm" c="dimmed">
        All portal users
      </Text>
    );
  return (
    <Tooltip label={share.recipients.map((r) => `${r.name} <${r.email}>`).join("\n")} multiline maw={360}>
      <Text size="sm" lineClamp={2}>
        {share.recipients.map((r) => r.name).join(", ")}
      </Text>
    </Tooltip>
  );
}

/** Why a share is in its status, on hover of the badge. */
const statusHint = (s: ShareItem) =>
  s.revokedAt
    ? `Revoked by ${s.revokedBy?.name ?? "a deleted user"}, ${formatDateTime(s.revokedAt)}`
    : s.status === "expired"
      ? "Past its expiry: partners can no longer open it"
      : "Partners can open it";

/** The header of the shares table. */
export function SharesHead() {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>Partner</Table.Th>
        <Table.Th>Recipients</Table.Th>
        <Table.Th>Status</Table.Th>
        <Table.Th>Expires</Table.Th>
        <Table.Th>Download</Table.Th>
        <Table.Th>Shared by</Table.Th>
        <Table.Th aria-label="Actions" />
      </Table.Tr>
    </Table.Thead>
  );
}

/** One share; ended ones are dimmed, live ones can be revoked when `onRevoke` is given. */
export function ShareRow({ share: s, onRevoke }: { share: ShareItem; onRevoke?: (s: ShareItem) => void }) {
  return (
    <Table.Tr style={{ opacity: s.status === "live" ? 1 : 0.65 }}>
      <Table.Td maw={220}>
        <Text size="sm" fw={600} truncate>
          {s.partner.name}
        </Text>
        {s.note && (
          <Text size="xs" c="dimmed" lineClamp={1} title={s.note}>
            {s.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={260}>
        <Recipients share={s} />
      </Table.Td>
      <Table.Td>
        <Tooltip label={statusHint(s)}>
          <Badge variant="dot" color={SHARE_STATUS_COLORS[s.status]}>
            {SHARE_STATUS_LABELS[s.status]}
          </Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Stack gap={0}>
          <Text size="sm">{formatDate(s.expiresAt)}</Text>
          <Text size="xs" c="dimmed">
            {fromNow(s.expiresAt)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {s.allowDownload ? (
          <Group gap={4} wrap="nowrap">
            <IconCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text size="sm">Allowed</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            View only
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Stack gap={0}>
          <Text size="sm">{s.createdBy?.name ?? "Deleted user"}</Text>
          <Text size="xs" c="dimmed" title={formatDateTime(s.createdAt)}>
            {fromNow(s.createdAt)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {onRevoke && s.status === "live" && (
          <Tooltip label="Revoke">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Revoke the share with ${s.partner.name}`}
              onClick={() => onRevoke(s)}
            >
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
