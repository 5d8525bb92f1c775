import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconLinkOff, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ControlEffectiveness, ControlType } from "../../../../../domain/risk-treatment";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { CONTROL_TYPE_LABELS, EFFECTIVENESS_COLORS, EFFECTIVENESS_LABELS } from "../../../lib/risks";
import { type Risk, riskKeys } from "../queries";
import { ControlModal } from "./ControlModal";

/** Controls that mitigate the risk: link from the library, create a new one, or unlink. */
export function ControlsCard({ risk }: { risk: Risk }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const canWrite = can(me, "control", "write");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [modalOpened, modal] = useDisclosure();
  const library = useQuery({
    queryKey: [...riskKeys.controls, "picker", debounced],
    queryFn: () =>
      unwrap(api.GET("/api/v1/controls", { params: { query: { q: debounced || undefined, limit: 30 } } })),
    enabled: canWrite,
    staleTime: 30_000,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: riskKeys.detail(risk.id) });
    void queryClient.invalidateQueries({ queryKey: riskKeys.controls });
  };
  const link = useMutation({
    mutationFn: (controlId: string) =>
      unwrap(
        api.PUT("/api/v1/risks/{id}/controls/{controlId}", { params: { path: { id: risk.id, controlId } } }),
      ),
    onSuccess: () => {
      notifySuccess("Control linked");
      setSearch("");
      refresh();
    },
    onError: (e) => notifyError(e, "Could not link the control"),
  });
  const unlink = useMutation({
    mutationFn: (controlId: string) =>
      unwrap(
        api.DELETE("/api/v1/risks/{id}/controls/{controlId}", {
          params: { path: { id: risk.id, controlId } },
        }),
      ),
    onSuccess: () => {
      notifySuccess("Control unlinked");
      refresh();
    },
    onError: (e) => notifyError(e, "Could not unlink the control"),
  });
  const linked = new Set(risk.controls.map((c) => c.id));
  const options = (library.data?.items ?? [])
    .filter((c) => !linked.has(c.id))
    .map((c) => ({ value: c.id, label: `${c.name} · ${CONTROL_TYPE_LABELS[c.type]}` }));

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={5}>Controls</Title>
          <Text size="xs" c="dimmed">
            What keeps the residual score below the inherent one
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <Select
              placeholder="Link a control from the library…"
              aria-label="Link a control"
              searchable
              w={280}
              size="xs"
              data={options}
              value={null}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: o }) => o}
              nothingFoundMessage={library.isFetching ? "Searching…" : "No other control found"}
              onChange={(id) => id && link.mutate(id)}
            />
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={modal.open}>
              New control
            </Button>
          </Group>
        )}
      </Group>
      {risk.controls.length === 0 ? (
        <Text size="sm" c="dimmed">
          No controls linked yet.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {risk.controls.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={500} fz="sm">
                  {c.name}
                </Table.Td>
                <Table.Td fz="sm">{CONTROL_TYPE_LABELS[c.type as ControlType] ?? c.type}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={EFFECTIVENESS_COLORS[c.effectiveness as ControlEffectiveness]}
                  >
                    {EFFECTIVENESS_LABELS[c.effectiveness as ControlEffectiveness] ?? c.effectiveness}
                  </Badge>
                </Table.Td>
                <Table.Td w={40}>
                  {canWrite && (
                    <Tooltip label="Unlink from this risk">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Unlink ${c.name}`}
                        loading={unlink.isPending && unlink.variables === c.id}
                        onClick={() => unlink.mutate(c.id)}
                      >
                        <IconLinkOff size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ControlModal
        opened={modalOpened}
        onClose={modal.close}
        onCreated={(id) => {
          modal.close();
          link.mutate(id);
        }}
      />
    </Card>
  );
}
