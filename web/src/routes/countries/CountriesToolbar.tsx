import { Select, Switch } from "@mantine/core";
import type { RiskLevel } from "../../../../domain/governance";
import { ListToolbar } from "../../components/ListToolbar";
import { type CountriesSearch, hasFilters, REGION_OPTIONS, type Region } from "./search";
import { RISK_OPTIONS } from "./shared";

/** Search box and filters above the country table. */
export function CountriesToolbar(props: {
  search: CountriesSearch;
  onChange: (patch: Partial<CountriesSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q, page: undefined })}
      placeholder="Search countries…"
      searchLabel="Search countries"
      debounceMs={250}
      align="center"
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <Select
        placeholder="Region"
        aria-label="Region"
        data={[...REGION_OPTIONS]}
        value={search.region ?? null}
        onChange={(v) => onChange({ region: (v as Region | null) ?? undefined, page: undefined })}
        clearable
        w={150}
      />
      <Select
        placeholder="Risk level"
        aria-label="Risk level"
        data={RISK_OPTIONS}
        value={search.risk ?? null}
        onChange={(v) => onChange({ risk: (v as RiskLevel | null) ?? undefined, page: undefined })}
        clearable
        w={150}
      />
      <Switch
        label="Only where we have partners"
        checked={search.ours ?? false}
        onChange={(e) => onChange({ ours: e.currentTarget.checked || undefined, page: undefined })}
      />
    </ListToolbar>
  );
}
