import { Select } from "@mantine/core";
import { NDA_STATUS_FILTERS, type NdaStatusFilter } from "../../../../domain/ndas";
import { ListToolbar, PartnerFilter } from "../../components/ListToolbar";
import { NDA_STATUS_LABELS } from "./labels";
import { hasFilters, type NdasSearch } from "./search";

const STATUS_OPTIONS = NDA_STATUS_FILTERS.map((s) => ({ value: s, label: NDA_STATUS_LABELS[s] }));

/** Search and filters above the NDA register. */
export function NdasToolbar(props: {
  search: NdasSearch;
  onChange: (patch: Partial<NdasSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search scope or partner…"
      searchLabel="Search NDAs"
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <Select
        placeholder="Status"
        aria-label="Status"
        data={STATUS_OPTIONS}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v as NdaStatusFilter | null) ?? undefined })}
        clearable
        w={220}
      />
      <PartnerFilter value={search.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
    </ListToolbar>
  );
}
