import { Button, Chip, Group, Select, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { SCORE_LEVELS } from "../../../../domain/risk-scoring";
import { RISK_STATUSES } from "../../../../domain/risks";
import { MultiFilter } from "../../components/MultiFilter";
import { PartnerSelect } from "../../components/PartnerSelect";
import { LEVEL_LABELS, RISK_STATUS_LABELS } from "../../lib/risks";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { useOwnerOptions } from "../../lib/useOwnerOptions";
import { partnerQuery } from "../partners/queries";
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
  const [q, setQ] = useDebouncedText(search.q, (v) => onChange({ q: v }));
  const categories = useQuery(categoriesQuery);
  // The partner filter arrives as an id in the URL; fetch its name to label the select.
  const partner = useQuery({ ...partnerQuery(search.partnerId ?? ""), enabled: Boolean(search.partnerId) });
  const owners = useOwnerOptions();
  const many = <T,>(v: T[]) => (v.length ? v : undefined);
  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      align="flex-start"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      {!compact && (
        <TextInput
          placeholder="Search risks…"
          aria-label="Search risks"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: 190 }}
        />
      )}
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
      <PartnerSelect
        placeholder="Partner"
        aria-label="Partner"
        w={180}
        value={search.partnerId ?? null}
        selectedName={partner.data?.name}
        onChange={(id) => onChange({ partnerId: id ?? undefined })}
      />
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
      {hasFilters(search) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
