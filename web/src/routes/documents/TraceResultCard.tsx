import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
} from "@mantine/core";
import { IconBan, IconCheck, IconFingerprint, IconMinus, IconShieldPlus } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { Fact } from "../../components/Fact";
import { formatDate, formatDateTime, fromNow } from "../../lib/format";
import { ClassificationBadge } from "./ClassificationBadge";
import { SHARE_STATUS_COLORS, SHARE_STATUS_LABELS } from "./labels";
import { TraceNotFound } from "./TraceNotFound";
import type { TraceCarrier, TraceFound, TraceResult } from "./TraceRequest";

/** Where a fingerprint can hide, in words a compliance officer can repeat to a lawyer. */
const CARRIER_WORDS: Record<TraceCarrier, string> = {
  pdf_vector: "hidden marks in the page drawing",
  pdf_metadata: "document metadata",
  image_blocks: "hidden pattern in the image pixels",
  image_metadata: "image metadata",
};

const PDF_CARRIERS: TraceCarrier[] = ["pdf_vector", "pdf_metadata"];
const IMAGE_CARRIERS: TraceCarrier[] = ["image_blocks", "image_metadata"];

/** The result of one trace: who the copy was delivered to, or why nobody could be named. */
export function TraceResultCard({ result, fileName }: { result: TraceResult; fileName: string }) {
  return result.found ? (
    <Found result={result} fileName={fileName} />
  ) : (
    <TraceNotFound result={result} fileName={fileName} />
  );
}

function Found({ result: r, fileName }: { result: TraceFound; fileName: string }) {
  const me = useMe();
  const who = r.recipient?.name ?? r.partner?.name ?? "an unknown recipient";
  const live = r.share?.status === "live";
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      data-testid="trace-found"
      style={{ borderColor: "var(--mantine-color-orange-4)" }}
    >
      <Stack gap="lg">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="xl" color="orange" variant="light">
            <IconFingerprint size={24} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" lh={1.3}>
              This copy was delivered to {who}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {fileName} carries the fingerprint of copy <Code>{r.copyId}</Code>
            </Text>
          </Stack>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
          <Fact label="Document">
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/documents/${r.document.id}`} fw={600}>
                {r.document.title}
              </Anchor>
              <ClassificationBadge value={r.document.classification} />
            </Group>
            <Text size="xs" c="dimmed">
              Version {r.version}
            </Text>
          </Fact>
          <Fact label="Recipient">
            {r.recipient ? (
              <>
                <Text size="sm" fw={600}>
                  {r.recipient.name}
                </Text>
                <Anchor href={`mailto:${r.recipient.email}`} size="xs">
                  {r.recipient.email}
                </Anchor>
                {r.recipient.id === null && (
                  <Text size="xs" c="dimmed">
                    No longer a user: name and email as they were at delivery
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                Not recorded
              </Text>
            )}
          </Fact>
          <Fact label="Partner">
            {r.partner ? (
              <Anchor component={Link} to={`/partners/${r.partner.id}`}>
                {r.partner.name}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                None: delivered to a member of staff
              </Text>
            )}
          </Fact>
          <Fact label="Share">
            {r.share ? (
              <Group gap="xs" wrap="wrap">
                <Badge color={SHARE_STATUS_COLORS[r.share.status]} variant="dot">
                  {SHARE_STATUS_LABELS[r.share.status]}
                </Badge>
                <Text size="sm" c="dimmed">
                  {r.share.status === "expired" ? "expired" : "expires"} {formatDate(r.share.expiresAt)}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Not delivered through a share
              </Text>
            )}
          </Fact>
          <Fact label="Delivered">
            <Text size="sm">
              {formatDateTime(r.accessedAt)}{" "}
              <Text span size="xs" c="dimmed">
                ({fromNow(r.accessedAt)})
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {r.action === "download"
                ? "Downloaded as a file"
                : "Opened in the browser's viewer (it can still be saved)"}
            </Text>
          </Fact>
        </SimpleGrid>

        <Carriers found={r.carriers} />

        <Stack gap="xs">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
            Next steps
          </Text>
          <Group gap="sm">
            {live && can(me, "document", "share") && (
              <Button
                component={Link}
                to={`/documents/${r.document.id}`}
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
              >
                Revoke the share
              </Button>
            )}
            {can(me, "risk", "create") && (
              <Button
                component={Link}
                to={r.partner ? `/partners/${r.partner.id}/risk` : "/risks"}
                variant="default"
                leftSection={<IconShieldPlus size={16} />}
              >
                Record a risk
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {live ? "Revoking stops new copies; copies already delivered stay with their recipients. " : ""}
            Keep the file you traced: it is your evidence, and Outsight does not keep it.
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

/** Which hiding places of the copy's kind agreed on the fingerprint, and which were gone. */
function Carriers({ found }: { found: TraceCarrier[] }) {
  const all = found.some((c) => PDF_CARRIERS.includes(c)) ? PDF_CARRIERS : IMAGE_CARRIERS;
  const missing = all.filter((c) => !found.includes(c));
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
        Where the fingerprint was read
      </Text>
      <List spacing={4} size="sm" center>
        {all.map((c) => (
          <List.Item
            key={c}
            icon={
              <ThemeIcon size={20} radius="xl" color={found.includes(c) ? "teal" : "gray"} variant="light">
                {found.includes(c) ? <IconCheck size={13} /> : <IconMinus size={13} />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" c={found.includes(c) ? undefined : "dimmed"}>
              The {CARRIER_WORDS[c]}
              {found.includes(c) ? "" : ": not found (removed or damaged)"}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {found.length > 1
          ? "Independent hiding places agree on the same copy, so the match is solid."
          : missing.length > 0
            ? "Only one hiding place survived (the file was probably re-saved or edited), and it alone carries a complete, checked fingerprint."
            : "The fingerprint was read and checked."}
      </Text>
    </Stack>
  );
}
