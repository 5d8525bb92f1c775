import { Select } from "@mantine/core";
import { CONTRACT_STATUSES, CONTRACT_TYPES } from "../../../../domain/contracts";
import { ListToolbar, PartnerFilter } from "../../components/ListToolbar";
import { MultiFilter } from "../../components/MultiFilter";
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
  const many = <T,>(v: T[]) => (v.length ? v : undefined);
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search title or reference…"
      searchLabel="Search contracts"
      searchWidth={220}
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
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
      <PartnerFilter w={180} value={search.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
      <Select
        placeholder="Ending within…"
        aria-label="Ending within"
        data={EXPIRING_OPTIONS}
        value={search.expiringWithinDays ? String(search.expiringWithinDays) : null}
        onChange={(v) => onChange({ expiringWithinDays: v ? Number(v) : undefined })}
        clearable
        w={190}
      />
    </ListToolbar>
  );
}
