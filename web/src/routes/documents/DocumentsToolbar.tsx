import { Select } from "@mantine/core";
import { Classification } from "../../../../domain/documents";
import { ListToolbar, PartnerFilter } from "../../components/ListToolbar";
import { CLASSIFICATION_LABELS } from "./labels";
import { type DocumentsSearch, hasFilters } from "./search";

const CLASSIFICATION_OPTIONS = Classification.options.map((c) => ({
  value: c,
  label: CLASSIFICATION_LABELS[c],
}));

/** Search and filters above the document list. */
export function DocumentsToolbar(props: {
  search: DocumentsSearch;
  onChange: (patch: Partial<DocumentsSearch>) => void;
  onClear: () => void;
}) {
  const { search, onChange } = props;
  return (
    <ListToolbar
      q={search.q}
      onSearch={(q) => onChange({ q })}
      placeholder="Search title or file name…"
      searchLabel="Search documents"
      filtered={hasFilters(search)}
      onClear={props.onClear}
    >
      <Select
        placeholder="Classification"
        aria-label="Classification"
        data={CLASSIFICATION_OPTIONS}
        value={search.classification ?? null}
        onChange={(v) => onChange({ classification: (v as Classification | null) ?? undefined })}
        clearable
        w={170}
      />
      <PartnerFilter value={search.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
    </ListToolbar>
  );
}
