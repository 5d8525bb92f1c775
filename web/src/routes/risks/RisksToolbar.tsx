import { Chip, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { SCORE_LEVELS } from "../../../../domain/risk-scoring";
import { RISK_STATUSES } from "../../../../domain/risks";
import { ListToolbar, PartnerFilter } from "../../components/ListToolbar";
import { MultiFilter } from "../../components/MultiFilter";
import { LEVEL_LABELS, RISK_STATUS_LABELS } from "../../lib/risks";
import { useOwnerOptions } from "../../lib/useOwnerOptions";
import { categoriesQuery } from "./queries";
import { hasFilters, type RisksSearch } from "./search";

const LEVEL_OPTIONS = SCORE_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));
const STATUS_OPTIONS = RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABELS[s] }));

/** Search and filters above the register (and the heat map, which shares them). */
export function RisksToolbar(props: {
  search: RisksSearch;
  onChange: (patch: Partial<RisksSearch>) => void;
  onClear: () => void;
  /** The heat map has no text search, status or overdue filter of its own. */
  compact?: boolean;
}) {
  const { search, onChange, compact } = props;
  const categories = useQuery(categoriesQuery);
  const owners = useOwnerOptions();
  const many = <T,>(v: T[]) => (v.length ? v : undefined);
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search risks…"
      searchLabel="Search risks"
      searchWidth={190}
      hideSearch={compact}
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <MultiFilter
        label="Category"
        options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={search.categoryId ?? []}
        onChange={(v) => onChange({ categoryId: many(v) })}
        searchable
      />
      {!compact && (
        <MultiFilter
          label="Residual level"
          options={LEVEL_OPTIONS}
          value={search.level ?? []}
          onChange={(v) => onChange({ level: many(v as NonNullable<RisksSearch["level"]>) })}
        />
      )}
      <PartnerFilter w={180} value={search.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
      {!compact && (
        <>
          <Select
            placeholder="Owner"
            aria-label="Owner"
            data={owners}
            value={search.ownerId ?? null}
            onChange={(v) => onChange({ ownerId: v ?? undefined })}
            clearable
            searchable
            w={150}
          />
          <MultiFilter
            label="Status"
            options={STATUS_OPTIONS}
            value={search.status ?? []}
            onChange={(v) => onChange({ status: many(v as NonNullable<RisksSearch["status"]>) })}
          />
          <Chip
            checked={search.reviewOverdue ?? false}
            onChange={(checked) => onChange({ reviewOverdue: checked || undefined })}
            color="red"
            variant="outline"
            mt={4}
          >
            Review overdue
          </Chip>
        </>
      )}
    </ListToolbar>
  );
}
