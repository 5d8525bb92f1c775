import { Button, Group, Select, Switch, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import type { RiskLevel } from "../../../../domain/governance";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { type CountriesSearch, hasFilters, REGION_OPTIONS, type Region } from "./search";
import { RISK_OPTIONS } from "./shared";

/** Search box and filters above the country table. */
export function CountriesToolbar(props: {
  search: CountriesSearch;
  onChange: (patch: Partial<CountriesSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  const [text, setText] = useDebouncedText(search.q, (q) => onChange({ q, page: undefined }), 250);

  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      align="center"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <TextInput
        placeholder="Search countries…"
        aria-label="Search countries"
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={{ base: "100%", sm: 240 }}
      />
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
      {hasFilters(search) && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}
