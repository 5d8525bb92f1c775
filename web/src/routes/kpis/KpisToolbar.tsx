import { SegmentedControl } from "@mantine/core";
import { MEASUREMENT_STATUSES, type MeasurementStatus } from "../../../../domain/kpis";
import { ListToolbar, PartnerFilter } from "../../components/ListToolbar";
import { STATUS_LABELS } from "./labels";
import { hasFilters, type KpisSearch } from "./search";

// "all" only lives in the control: the URL leaves the status out instead.
const STATUS_OPTIONS = [
  { value: "all", label: "All" },
  ...MEASUREMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

/** Search, partner and latest-status filters above the "Service levels" list. */
export function KpisToolbar(props: {
  search: KpisSearch;
  onChange: (patch: Partial<KpisSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search KPIs…"
      searchLabel="Search KPIs"
      searchWidth={220}
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <PartnerFilter value={search.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
      <SegmentedControl
        aria-label="Latest status"
        data={STATUS_OPTIONS}
        value={search.status ?? "all"}
        onChange={(v) => onChange({ status: v === "all" ? undefined : (v as MeasurementStatus) })}
      />
    </ListToolbar>
  );
}
