import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ExpiryCell } from "./ExpiryCell";
import { NDA_STATUS_COLORS, NDA_STATUS_LABELS, NDA_TYPE_LABELS } from "./labels";
import { NdaFormModal } from "./NdaFormModal";
import { ndaListQuery } from "./queries";

/** The partner's NDAs on its overview: the five expiring first, and a way to record a new one. */
export function PartnerNdasCard({ partner }: { partner: { id: string; name: string } }) {
  const me = useMe();
  const allowed = can(me, "nda", "read");
  const list = useQuery({
    ...ndaListQuery({ partnerId: partner.id, limit: 5 }, undefined),
    enabled: allowed,
  });
  const [opened, modal] = useDisclosure();
  if (!allowed) return null;
  const items = list.data?.items ?? [];
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={4}>NDAs</Title>
        <Group gap="xs">
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/ndas" search={{ partnerId: partner.id }} {...props} />}
          >
            All NDAs
          </Anchor>
          {can(me, "nda", "create") && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={modal.open}
            >
              New NDA
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <Skeleton height={60} radius="md" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No NDA recorded with {partner.name}: nothing confidential should be shared yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" lineClamp={1}>
                        {n.scope}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {NDA_TYPE_LABELS[n.type]}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <ExpiryCell nda={n} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={NDA_STATUS_COLORS[n.status]}>
                      {NDA_STATUS_LABELS[n.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NdaFormModal opened={opened} onClose={modal.close} nda={null} partner={partner} />
    </Card>
  );
}
