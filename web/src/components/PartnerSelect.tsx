import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client";

/**
 * Pick a partner by typing part of its name. The list is searched on the server (an organization
 * may have thousands of partners), and the chosen partner stays labelled even when a new search
 * no longer returns it.
 */
export function PartnerSelect({
  value,
  onChange,
  selectedName,
  ...props
}: {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  /** The chosen partner's name when known before any search (an edit form, a URL filter). */
  selectedName?: string | null;
} & Omit<SelectProps, "value" | "onChange" | "data">) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [names, setNames] = useState<Record<string, string>>({});
  const partners = useQuery({
    queryKey: ["partners", "picker", debounced],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/partners", {
          params: { query: { q: debounced || undefined, limit: 30, sort: "name" } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = new Map((partners.data?.items ?? []).map((p) => [p.id, p.name]));
  const chosen = value ? (options.get(value) ?? names[value] ?? selectedName) : undefined;
  if (value && chosen) options.set(value, chosen);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={partners.isFetching ? "Searching…" : "No partner found"}
      {...props}
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={value}
      // Mantine filters the options itself too; the server already matched the words.
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const name = id ? (options.get(id) ?? null) : null;
        if (id && name) setNames((n) => ({ ...n, [id]: name }));
        onChange(id, name);
      }}
    />
  );
}
