import { Autocomplete, Button, Group, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, entityLabel } from "../../lib/audit";
import type { AuditSearch } from "./search";

/** Filters of the audit log: entity type, action, actor and a date range. */
export function AuditFilters({
  search,
  onChange,
}: {
  search: AuditSearch;
  onChange: (next: AuditSearch) => void;
}) {
  const me = useMe();
  const users = useQuery({
    queryKey: ["users", "all-for-audit"],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200 } } })),
    enabled: can(me, "user", "read"),
    staleTime: 60_000,
  });
  const actors = users.data?.items.map((u) => ({ value: u.id, label: u.name })) ?? [
    { value: me.user.id, label: `${me.user.name} (you)` },
  ];
  const set = (patch: Partial<AuditSearch>) => onChange({ ...search, ...patch });
  const filtered = Object.values(search).some(Boolean);
  return (
    <Group gap="sm" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
      <Select
        placeholder="Any record type"
        aria-label="Record type"
        data={AUDIT_ENTITY_TYPES.map((t) => ({
          value: t,
          label: entityLabel(t).replace(/^./, (c) => c.toUpperCase()),
        }))}
        value={search.entityType ?? null}
        onChange={(v) => set({ entityType: v ?? undefined })}
        clearable
        w={180}
      />
      <Autocomplete
        placeholder="Any action"
        aria-label="Action"
        data={AUDIT_ACTIONS}
        value={search.action ?? ""}
        onChange={(v) => set({ action: v.trim() || undefined })}
        clearable
        w={210}
      />
      <Select
        placeholder="Anyone"
        aria-label="Actor"
        data={actors}
        value={search.actorId ?? null}
        onChange={(v) => set({ actorId: v ?? undefined })}
        searchable
        selectFirstOptionOnChange
        clearable
        w={200}
      />
      <DatePickerInput
        type="range"
        placeholder="Any date"
        aria-label="Date range"
        leftSection={<IconCalendar size={16} />}
        value={[search.from ?? null, search.to ?? null]}
        onChange={([from, to]) => set({ from: from ?? undefined, to: to ?? undefined })}
        clearable
        valueFormat="D MMM YYYY"
        w={260}
        maxDate={new Date()}
      />
      {filtered && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => onChange({})}>
          Clear
        </Button>
      )}
    </Group>
  );
}
