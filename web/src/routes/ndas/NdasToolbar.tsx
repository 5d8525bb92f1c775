import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { NDA_STATUS_FILTERS, type NdaStatusFilter } from "../../../../domain/ndas";
import { PartnerSelect } from "../../components/PartnerSelect";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { partnerQuery } from "../partners/queries";
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
        placeholder="Search scope or partner…"
        aria-label="Search NDAs"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={{ base: "100%", sm: 240 }}
      />
      <Select
        placeholder="Status"
        aria-label="Status"
        data={STATUS_OPTIONS}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v as NdaStatusFilter | null) ?? undefined })}
        clearable
        w={220}
      />
      <PartnerSelect
        placeholder="Partner"
        aria-label="Partner"
        w={200}
        value={search.partnerId ?? null}
        selectedName={partner.data?.name}
        onChange={(id) => onChange({ partnerId: id ?? undefined })}
      />
      {hasFilters(search) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
