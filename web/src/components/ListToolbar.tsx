import { Button, Group, type GroupProps, TextInput } from "@mantine/core";
import { IconSearch, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, unwrap } from "../api/client";
import { useDebouncedText } from "../lib/useDebouncedText";
import { PartnerSelect } from "./PartnerSelect";

/**
 * The bar above a list: a debounced search box, the list's own filters (`children`) and a Clear
 * button while anything narrows the list. Every list toolbar repeated this frame; new lists use
 * this one so only their filters differ.
 */
export function ListToolbar(props: {
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  /** "Search title or file name…" */
  placeholder: string;
  /** Accessible name of the search box, e.g. "Search documents". */
  searchLabel: string;
  filtered: boolean;
  onClear: () => void;
  children?: ReactNode;
  /** Width of the search box from the `sm` breakpoint up (full width below it). Default 240. */
  searchWidth?: number;
  /** Show an × inside the search box that empties it while it holds text. */
  searchClearable?: boolean;
  /** Leave the search box out (e.g. a compact variant of the toolbar). */
  hideSearch?: boolean;
  /** Typing pause before `onSearch` fires, in ms. Default 300. */
  debounceMs?: number;
  /** Vertical alignment of the row. Default "flex-start". */
  align?: GroupProps["align"];
}) {
  const [q, setQ] = useDebouncedText(props.q, props.onSearch, props.debounceMs);
  return (
    <Group
      gap="sm"
      p="md"
      wrap="wrap"
      align={props.align ?? "flex-start"}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
    >
      {!props.hideSearch && (
        <TextInput
          placeholder={props.placeholder}
          aria-label={props.searchLabel}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: props.searchWidth ?? 240 }}
          rightSection={
            props.searchClearable && q ? (
              <IconX
                size={14}
                style={{ cursor: "pointer" }}
                onClick={() => setQ("")}
                aria-label="Clear search"
              />
            ) : null
          }
        />
      )}
      {props.children}
      {props.filtered && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClear}>
          Clear
        </Button>
      )}
    </Group>
  );
}

/**
 * A partner filter whose value lives in the URL as an id: the partner's name is fetched so the
 * select is labelled on a fresh load or a shared link.
 */
export function PartnerFilter(props: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Default 200. */
  w?: number;
}) {
  const id = props.value ?? "";
  // The same key and answer as the partner page's query, so a visited partner is already cached.
  const partner = useQuery({
    queryKey: ["partners", "detail", id],
    queryFn: () => unwrap(api.GET("/api/v1/partners/{id}", { params: { path: { id } } })),
    enabled: Boolean(id),
  });
  return (
    <PartnerSelect
      placeholder="Partner"
      aria-label="Partner"
      w={props.w ?? 200}
      value={props.value ?? null}
      selectedName={partner.data?.name}
      onChange={(id) => props.onChange(id ?? undefined)}
    />
  );
}
