import { Table } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";

/**
 * A column header that toggles ascending/descending server-side sort, for sort values written as
 * `field` / `-field`.
 */
export function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: string;
  label: string;
  sort: string;
  onSort: (sort: string) => void;
}) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className="th-sort"
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
      >
        {label}
        <Icon
          size={14}
          stroke={1.8}
          color={active ? "var(--mantine-color-brand-6)" : "var(--mantine-color-gray-5)"}
        />
      </button>
    </Table.Th>
  );
}
