import {
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CreateService, DATA_CATEGORIES, DATA_CATEGORY_LABELS } from "../../../../../domain/partner-parts";
import { CRITICALITIES, type Criticality } from "../../../../../domain/partners";
import type { Service } from "../../../api/types";
import { FormActions, FormError } from "../../../components/FormParts";
import { COUNTRY_OPTIONS, countryFilter } from "../../../lib/countries";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { useServerErrors } from "../../../lib/useServerErrors";

export interface ServiceBody {
  name: string;
  function: string;
  description: string | null;
  criticality: Criticality;
  dataCategories: (typeof DATA_CATEGORIES)[number][];
  dataLocations: string[];
  startDate: string | null;
}

interface Values {
  name: string;
  function: string;
  description: string;
  criticality: string;
  dataCategories: string[];
  dataLocations: string[];
  startDate: string | null;
}

const CATEGORY_OPTIONS = DATA_CATEGORIES.map((c) => ({ value: c, label: DATA_CATEGORY_LABELS[c] }));
const blank = (): Values => ({
  name: "",
  function: "",
  description: "",
  criticality: "standard",
  dataCategories: [],
  dataLocations: [],
  startDate: null,
});

const toBody = (v: Values): ServiceBody => ({
  name: v.name.trim(),
  function: v.function.trim(),
  description: nullIfBlank(v.description),
  criticality: v.criticality as Criticality,
  dataCategories: v.dataCategories as ServiceBody["dataCategories"],
  dataLocations: v.dataLocations,
  startDate: v.startDate || null,
});

const collapse = (path: string) => path.split(".")[0];

/** Create or edit a service outsourced to the partner: function, criticality and the data involved. */
export function ServiceModal(props: {
  opened: boolean;
  service: Service | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (body: ServiceBody) => void;
}) {
  const form = useForm<Values>({
    initialValues: blank(),
    validate: (v) => {
      const errors: Record<string, string> = {};
      for (const [k, m] of Object.entries(zodErrors(CreateService, toBody(v)))) errors[collapse(k)] ??= m;
      return errors;
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens on another service
  useEffect(() => {
    if (!props.opened) return;
    const s = props.service;
    form.setValues(
      s
        ? {
            name: s.name,
            function: s.function,
            description: s.description ?? "",
            criticality: s.criticality,
            dataCategories: s.dataCategories,
            dataLocations: s.dataLocations,
            startDate: s.startDate,
          }
        : blank(),
    );
    form.clearErrors();
  }, [props.opened, props.service]);
  useServerErrors(form, props.error, collapse);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>{props.service ? "Edit service" : "Add a service"}</Text>}
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => props.onSubmit(toBody(v)))} noValidate>
        <Stack gap="md">
          <FormError error={props.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Service name"
              placeholder="Tier-1 customer support"
              withAsterisk
              data-autofocus
              {...form.getInputProps("name")}
            />
            <TextInput
              label="Business function"
              placeholder="Customer service"
              withAsterisk
              {...form.getInputProps("function")}
            />
          </SimpleGrid>
          <Input.Wrapper
            label="Criticality"
            description="Critical: its failure would seriously impair your business"
            withAsterisk
          >
            <SegmentedControl
              mt={6}
              fullWidth
              data={CRITICALITIES.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) }))}
              {...form.getInputProps("criticality")}
            />
          </Input.Wrapper>
          <MultiSelect
            label="Data shared"
            placeholder="Pick data categories"
            data={CATEGORY_OPTIONS}
            clearable
            {...form.getInputProps("dataCategories")}
          />
          <MultiSelect
            label="Data locations"
            description="Countries where the data is stored or processed"
            placeholder="Pick countries"
            data={COUNTRY_OPTIONS}
            searchable
            filter={countryFilter}
            selectFirstOptionOnChange
            clearable
            limit={50}
            {...form.getInputProps("dataLocations")}
          />
          <DatePickerInput
            label="Start date"
            placeholder="When the service started"
            clearable
            valueFormat="D MMM YYYY"
            {...form.getInputProps("startDate")}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("description")}
          />
          <FormActions onCancel={props.onClose} pending={props.pending} mt="xs">
            {props.service ? "Save service" : "Add service"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
