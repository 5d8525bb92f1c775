import { Select, TextInput } from "@mantine/core";
import { IconTag } from "@tabler/icons-react";
import { PARTNER_STATUS_LABELS, PARTNER_STATUSES } from "../../../../domain/lifecycle";
import {
  CATEGORY_LABELS,
  CRITICALITIES,
  type Criticality,
  PARTNER_CATEGORIES,
} from "../../../../domain/partners";
import { ListToolbar } from "../../components/ListToolbar";
import { MultiFilter } from "../../components/MultiFilter";
import { COUNTRY_OPTIONS } from "../../lib/countries";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { hasFilters, type PartnersSearch } from "./search";

const STATUS_OPTIONS = PARTNER_STATUSES.map((s) => ({ value: s, label: PARTNER_STATUS_LABELS[s] }));
const CATEGORY_OPTIONS = PARTNER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const TIER_OPTIONS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}` }));
const CRITICALITY_OPTIONS = CRITICALITIES.map((c) => ({
  value: c,
  label: `${c[0].toUpperCase()}${c.slice(1)} services`,
}));

/** Search box and filters above the partner table. */
export function PartnersToolbar(props: {
  search: PartnersSearch;
  onChange: (patch: Partial<PartnersSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  const [tag, setTag] = useDebouncedText(search.tag, (v) => onChange({ tag: v?.toLowerCase() }));
  const many = <T,>(v: T[]) => (v.length ? v : undefined);
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search partners…"
      searchLabel="Search partners"
      searchWidth={260}
      searchClearable
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <MultiFilter
        label="Status"
        options={STATUS_OPTIONS}
        value={search.status ?? []}
        onChange={(v) => onChange({ status: many(v as NonNullable<PartnersSearch["status"]>) })}
      />
      <MultiFilter
        label="Category"
        options={CATEGORY_OPTIONS}
        value={search.category ?? []}
        onChange={(v) => onChange({ category: many(v as NonNullable<PartnersSearch["category"]>) })}
      />
      <MultiFilter
        label="Country"
        options={COUNTRY_OPTIONS}
        value={search.country ?? []}
        onChange={(v) => onChange({ country: many(v) })}
        searchable
      />
      <Select
        placeholder="Criticality"
        aria-label="Criticality"
        data={CRITICALITY_OPTIONS}
        value={search.criticality ?? null}
        onChange={(v) => onChange({ criticality: (v as Criticality | null) ?? undefined })}
        clearable
        w={150}
      />
      <MultiFilter
        label="Risk tier"
        options={TIER_OPTIONS}
        value={(search.tier ?? []).map(String)}
        onChange={(v) => onChange({ tier: many(v.map(Number)) })}
      />
      <TextInput
        placeholder="Tag"
        aria-label="Tag"
        leftSection={<IconTag size={16} />}
        value={tag}
        onChange={(e) => setTag(e.currentTarget.value)}
        w={120}
      />
    </ListToolbar>
  );
}
