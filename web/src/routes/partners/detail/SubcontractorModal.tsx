import { Modal, MultiSelect, Select, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../../api/client";
import type { Service, Subcontractor } from "../../../api/types";
import { FormActions, FormError } from "../../../components/FormParts";
import { flagEmoji } from "../../../lib/format";
import { nullIfBlank } from "../../../lib/forms";
import { useServerErrors } from "../../../lib/useServerErrors";

export interface SubcontractorBody {
  subcontractorId: string;
  description: string | null;
  serviceIds: string[];
}

const blank = () => ({ subcontractorId: "", description: "", serviceIds: [] as string[] });

/**
 * Links another partner as a fourth party of this one. The partner picker searches the registry
 * on the server, since an organization may have thousands of partners.
 */
export function SubcontractorModal(props: {
  partnerId: string;
  services: Service[];
  opened: boolean;
  link: Subcontractor | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: SubcontractorBody) => void;
}) {
  const form = useForm({
    initialValues: blank(),
    validate: { subcontractorId: (v) => (v ? null : "Pick the partner that acts as sub-contractor") },
  });
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const candidates = useQuery({
    queryKey: ["partners", "picker", q],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/partners", { params: { query: { q: q || undefined, limit: 20, sort: "name" } } }),
      ),
    enabled: props.opened && !props.link,
    placeholderData: keepPreviousData,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens on another link
  useEffect(() => {
    if (!props.opened) return;
    const l = props.link;
    form.setValues(
      l
        ? { subcontractorId: l.subcontractor.id, description: l.description ?? "", serviceIds: l.serviceIds }
        : blank(),
    );
    form.clearErrors();
    setSearch("");
  }, [props.opened, props.link]);
  useServerErrors(form, props.error, (p) => p.split(".")[0]);

  const options = props.link
    ? [{ value: props.link.subcontractor.id, label: props.link.subcontractor.name }]
    : (candidates.data?.items ?? [])
        .filter((p) => p.id !== props.partnerId)
        .map((p) => ({ value: p.id, label: `${p.name} · ${flagEmoji(p.country)} ${p.countryName}` }));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.link ? "Edit sub-contractor" : "Add a sub-contractor"}</Text>}
      size="lg"
    >
      <form
        onSubmit={form.onSubmit((v) =>
          props.onSubmit({
            subcontractorId: v.subcontractorId,
            description: nullIfBlank(v.description),
            serviceIds: v.serviceIds,
          }),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormError error={props.error} />
          <Select
            label="Sub-contractor"
            description={
              props.link ? undefined : "A partner in your registry; add it first if it is not there yet"
            }
            placeholder="Search partners"
            data={options}
            searchable
            selectFirstOptionOnChange
            disabled={Boolean(props.link)}
            searchValue={props.link ? undefined : search}
            onSearchChange={props.link ? undefined : setSearch}
            filter={({ options: o }) => o}
            nothingFoundMessage={candidates.isFetching ? "Searching…" : "No partner found"}
            withAsterisk
            data-autofocus
            {...form.getInputProps("subcontractorId")}
          />
          <MultiSelect
            label="Services involved"
            description="Which of your services this fourth party takes part in"
            placeholder={props.services.length ? "Pick services" : "This partner has no services yet"}
            data={props.services.map((s) => ({ value: s.id, label: s.name }))}
            disabled={props.services.length === 0}
            clearable
            {...form.getInputProps("serviceIds")}
          />
          <Textarea
            label="What they do"
            placeholder="Hosting of the ticketing platform"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("description")}
          />
          <FormActions onCancel={props.onClose} pending={props.pending} mt="xs">
            {props.link ? "Save" : "Add sub-contractor"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
