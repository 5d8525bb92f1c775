import { Button, Group, SegmentedControl, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { MEASUREMENT_STATUSES, type MeasurementStatus } from "../../../../domain/kpis";
import { PartnerSelect } from "../../components/PartnerSelect";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { partnerQuery } from "../partners/queries";
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
  const [q, setQ] = useDebouncedText(search.q, (v) => onChange({ q: v }));
  // The partner filter arrives as an id in the URL; fetch its name to label the select.
  const partner = useQuery({ ...partnerQuery(search.partnerId ?? ""), enabled: Boolean(search.partnerId) });
  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      align="flex-start"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <TextInput
        placeholder="Search KPIs…"
        aria-label="Search KPIs"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: "100%", sm: 220 }}
      />
      <PartnerSelect
        placeholder="Partner"
        aria-label="Partner"
        w={200}
        value={search.partnerId ?? null}
        selectedName={partner.data?.name}
        onChange={(id) => onChange({ partnerId: id ?? undefined })}
      />
      <SegmentedControl
        aria-label="Latest status"
        data={STATUS_OPTIONS}
        value={search.status ?? "all"}
        onChange={(v) => onChange({ status: v === "all" ? undefined : (v as MeasurementStatus) })}
      />
      {hasFilters(search) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
