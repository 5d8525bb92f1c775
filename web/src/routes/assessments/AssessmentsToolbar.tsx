import { Button, Chip, Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { IconLayoutKanban, IconList, IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import {
  ASSESSMENT_PURPOSES,
  ASSESSMENT_STATUSES,
  type AssessmentPurpose,
} from "../../../../domain/assessments";
import { MultiFilter } from "../../components/MultiFilter";
import { PartnerSelect } from "../../components/PartnerSelect";
import { useDebouncedText } from "../../lib/useDebouncedText";
import { partnerQuery } from "../partners/queries";
import { PURPOSE_LABELS, STATUS_LABELS } from "./labels";
import { type AssessmentsSearch, hasFilters } from "./search";

const STATUS_OPTIONS = ASSESSMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const PURPOSE_OPTIONS = ASSESSMENT_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }));

/** Search, filters and the board/table switch above the assessments. */
export function AssessmentsToolbar(props: {
  search: AssessmentsSearch;
  onChange: (patch: Partial<AssessmentsSearch>) => void;
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
      // The filters wrap among themselves; the view switch keeps its place at the top right.
      wrap="nowrap"
      justify="space-between"
      align="flex-start"
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      <Group gap="sm" wrap="wrap" align="center" style={{ flex: 1, minWidth: 0 }}>
        <TextInput
          placeholder="Search partner or questionnaire…"
          aria-label="Search assessments"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: 220 }}
        />
        <MultiFilter
          label="Status"
          options={STATUS_OPTIONS}
          value={search.status ?? []}
          onChange={(v) =>
            onChange({ status: v.length ? (v as NonNullable<AssessmentsSearch["status"]>) : undefined })
          }
        />
        <PartnerSelect
          placeholder="Partner"
          aria-label="Partner"
          w={170}
          value={search.partnerId ?? null}
          selectedName={partner.data?.name}
          onChange={(id) => onChange({ partnerId: id ?? undefined })}
        />
        <Select
          placeholder="Purpose"
          aria-label="Purpose"
          data={PURPOSE_OPTIONS}
          value={search.purpose ?? null}
          onChange={(v) => onChange({ purpose: (v as AssessmentPurpose | null) ?? undefined })}
          clearable
          w={150}
        />
        <Chip
          checked={Boolean(search.overdue)}
          onChange={(checked) => onChange({ overdue: checked || undefined })}
          color="red"
          variant="outline"
        >
          Overdue only
        </Chip>
        {hasFilters(search) && (
          <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
            Clear
          </Button>
        )}
      </Group>
      <SegmentedControl
        aria-label="View"
        style={{ flexShrink: 0 }}
        value={search.view ?? "board"}
        onChange={(v) => onChange({ view: v === "table" ? "table" : undefined })}
        data={[
          {
            value: "board",
            label: (
              <Group gap={6} wrap="nowrap">
                <IconLayoutKanban size={16} /> Board
              </Group>
            ),
          },
          {
            value: "table",
            label: (
              <Group gap={6} wrap="nowrap">
                <IconList size={16} /> Table
              </Group>
            ),
          },
        ]}
      />
    </Group>
  );
}
