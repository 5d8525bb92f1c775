import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { CONTRACT_STATUSES, CONTRACT_TYPES } from "../../../../domain/contracts";
import { MultiFilter } from "../../components/MultiFilter";
import { PartnerSelect } from "../../components/PartnerSelect";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { partnerQuery } from "../partners/queries";
import { CONTRACT_STATUS_LABELS, CONTRACT_TYPE_NAMES } from "./labels";
import { type ContractsSearch, EXPIRING_CHOICES, hasFilters } from "./search";

const TYPE_OPTIONS = CONTRACT_TYPES.map((t) => ({ value: t, label: CONTRACT_TYPE_NAMES[t] }));
const STATUS_OPTIONS = CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }));
const EXPIRING_OPTIONS = EXPIRING_CHOICES.map((d) => ({
  value: String(d),
  label: `Ending within ${d} days`,
}));

/** Search and filters above the contract list. */
export function ContractsToolbar(props: {
  search: ContractsSearch;
  onChange: (patch: Partial<ContractsSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  const [q, setQ] = useDebouncedText(search.q, (v) => onChange({ q: v }));
  // The partner filter arrives as an id in the URL; fetch its name to label the select.
  const partner = useQuery({ ...partnerQuery(search.partnerId ?? ""), enabled: Boolean(search.partnerId) });
  const many = <T,>(v: T[]) => (v.length ? v : undefined);
  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      align="flex-start"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <TextInput
        placeholder="Search title or reference…"
        aria-label="Search contracts"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: "100%", sm: 220 }}
      />
      <MultiFilter
        label="Type"
        options={TYPE_OPTIONS}
        value={search.type ?? []}
        onChange={(v) => onChange({ type: many(v as NonNullable<ContractsSearch["type"]>) })}
      />
      <MultiFilter
        label="Status"
        options={STATUS_OPTIONS}
        value={search.status ?? []}
        onChange={(v) => onChange({ status: many(v as NonNullable<ContractsSearch["status"]>) })}
      />
      <PartnerSelect
        placeholder="Partner"
        aria-label="Partner"
        w={180}
        value={search.partnerId ?? null}
        selectedName={partner.data?.name}
        onChange={(id) => onChange({ partnerId: id ?? undefined })}
      />
      <Select
        placeholder="Ending within…"
        aria-label="Ending within"
        data={EXPIRING_OPTIONS}
        value={search.expiringWithinDays ? String(search.expiringWithinDays) : null}
        onChange={(v) => onChange({ expiringWithinDays: v ? Number(v) : undefined })}
        clearable
        w={190}
      />
      {hasFilters(search) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
