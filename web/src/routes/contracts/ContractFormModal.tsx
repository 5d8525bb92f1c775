import {
  Checkbox,
  Divider,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { CLAUSE_KEYS, CONTRACT_STATUSES, CONTRACT_TYPES } from "../../../../domain/contracts";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { COUNTRY_OPTIONS, countryFilter } from "../../lib/countries";
import { notifySuccess } from "../../lib/notify";
import { useOwnerOptions } from "../../lib/useOwnerOptions";
import { useServerErrors } from "../../lib/useServerErrors";
import { changedFields, fromContract, liveProblems, toBody, type Values, validate } from "./contractForm";
import { CLAUSE_LABELS, CONTRACT_STATUS_LABELS, CONTRACT_TYPE_NAMES } from "./labels";
import { type Contract, contractKeys } from "./queries";

const TYPE_OPTIONS = CONTRACT_TYPES.map((t) => ({ value: t, label: CONTRACT_TYPE_NAMES[t] }));
const STATUS_OPTIONS = CONTRACT_STATUSES.map((s) => ({ value: s, label: CONTRACT_STATUS_LABELS[s] }));
const CURRENCIES = Intl.supportedValuesOf("currency");

/**
 * Create or edit a contract: partner and the services it covers, dates and notice periods, renewal,
 * value, governing law, the clause checklist, the review schedule and the exit plan. The end date
 * is checked against the start date as the user types, with the shared domain rule.
 */
export function ContractFormModal(props: {
  opened: boolean;
  onClose: () => void;
  contract: Contract | null;
  /** Prefill the partner for "New contract" on a partner page. */
  partner?: { id: string; name: string };
  onSaved?: (id: string) => void;
}) {
  const { contract } = props;
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: fromContract(null), validate });
  const partnerId = form.values.partnerId;
  const owners = useOwnerOptions([contract?.owner]);
  const enabled = props.opened && Boolean(partnerId);
  const services = useQuery({
    queryKey: ["partners", "detail", partnerId, "services"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/partners/{id}/services", { params: { path: { id: partnerId as string } } })),
    enabled,
  });
  // A SOW usually hangs under the partner's MSA: offer the partner's other contracts as parents.
  const siblings = useQuery({
    queryKey: [...contractKeys.all, "siblings", partnerId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/contracts", { params: { query: { partnerId: partnerId as string, limit: 100 } } }),
      ),
    enabled,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      contract
        ? unwrap(
            api.PATCH("/api/v1/contracts/{id}", {
              params: { path: { id: contract.id } },
              body: changedFields(contract, v),
            }),
          )
        : unwrap(api.POST("/api/v1/contracts", { body: { ...toBody(v), partnerId: v.partnerId as string } })),
    onSuccess: (saved) => {
      notifySuccess(contract ? "Contract saved" : "Contract added", saved.title);
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
      props.onClose();
      props.onSaved?.(saved.id);
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(fromContract(contract, props.partner));
    form.clearErrors();
    save.reset();
  }, [props.opened, contract]);
  useServerErrors(form, save.error, (path) => (path.startsWith("exitPlan.") ? "exitPlanSummary" : path));

  const v = form.values;
  const live = liveProblems(v);
  const parents = (siblings.data?.items ?? [])
    .filter((c) => c.id !== contract?.id)
    .map((c) => ({ value: c.id, label: c.title }));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={<Text fw={600}>{contract ? "Edit contract" : "New contract"}</Text>}
    >
      <form
        onSubmit={form.onSubmit((values) =>
          contract && Object.keys(changedFields(contract, values)).length === 0
            ? props.onClose()
            : save.mutate(values),
        )}
        noValidate
      >
        <Stack gap="md">
          <FormError error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PartnerSelect
              label="Partner"
              withAsterisk
              disabled={Boolean(contract)}
              description={contract ? "A contract stays with its partner" : undefined}
              value={v.partnerId}
              selectedName={v.partnerName}
              error={form.errors.partnerId}
              onChange={(id, name) =>
                form.setValues({ partnerId: id, partnerName: name, serviceIds: [], parentId: null })
              }
            />
            <Select label="Type" data={TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps("type")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Title"
              placeholder="Master services agreement 2026"
              withAsterisk
              data-autofocus
              {...form.getInputProps("title")}
            />
            <TextInput label="Reference" placeholder="MSA-2026-014" {...form.getInputProps("reference")} />
            <Select
              label="Owner"
              placeholder="Unassigned"
              clearable
              searchable
              data={owners}
              {...form.getInputProps("ownerId")}
            />
            <Select
              label="Status"
              data={STATUS_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps("status")}
            />
            <Select
              label="Parent contract"
              placeholder={v.partnerId ? "None" : "Choose a partner first"}
              disabled={!v.partnerId}
              clearable
              data={parents}
              {...form.getInputProps("parentId")}
            />
          </SimpleGrid>
          <MultiSelect
            label="Services covered"
            placeholder={v.partnerId ? "Pick the partner's services" : "Choose a partner first"}
            disabled={!v.partnerId}
            searchable
            clearable
            data={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps("serviceIds")}
          />
          <Divider label="Term and notice" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <DatePickerInput
              label="Start"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("startDate")}
            />
            <DatePickerInput
              label="End"
              placeholder="Open-ended"
              clearable
              valueFormat="D MMM YYYY"
              minDate={v.startDate ?? undefined}
              {...form.getInputProps("endDate")}
              error={live.endDate ?? form.errors.endDate}
            />
            <NumberInput
              label="Our notice (days)"
              min={0}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps("noticePeriodDaysOurs")}
            />
            <NumberInput
              label="Their notice (days)"
              min={0}
              max={3650}
              allowDecimal={false}
              {...form.getInputProps("noticePeriodDaysTheirs")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Switch
              label="Renews automatically"
              mt={30}
              {...form.getInputProps("autoRenewal", { type: "checkbox" })}
            />
            <NumberInput
              label="Renewal term (months)"
              min={1}
              max={120}
              allowDecimal={false}
              disabled={!v.autoRenewal}
              {...form.getInputProps("renewalTermMonths")}
            />
            <NumberInput
              label="Value"
              min={0}
              decimalScale={2}
              thousandSeparator=" "
              {...form.getInputProps("value")}
            />
            <Select
              label="Currency"
              placeholder="EUR"
              searchable
              clearable
              data={CURRENCIES}
              {...form.getInputProps("currency")}
              error={live.currency ?? form.errors.currency}
            />
          </SimpleGrid>
          <Select
            label="Governing law"
            placeholder="Country whose law governs the contract"
            searchable
            clearable
            data={COUNTRY_OPTIONS}
            filter={countryFilter}
            {...form.getInputProps("governingLaw")}
          />
          <Divider label="Clause checklist" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {CLAUSE_KEYS.map((k) => (
              <Checkbox
                key={k}
                label={CLAUSE_LABELS[k]}
                {...form.getInputProps(`clauses.${k}`, { type: "checkbox" })}
              />
            ))}
          </SimpleGrid>
          <Divider label="Review and exit" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NumberInput
              label="Review every (days)"
              min={1}
              max={1095}
              allowDecimal={false}
              {...form.getInputProps("reviewIntervalDays")}
            />
            <DatePickerInput
              label="Next review"
              clearable
              valueFormat="D MMM YYYY"
              {...form.getInputProps("nextReviewDate")}
            />
            <Switch
              label="Has an exit plan"
              mt={30}
              {...form.getInputProps("exitPlanHas", { type: "checkbox" })}
            />
            <DatePickerInput
              label="Exit plan last tested"
              clearable
              disabled={!v.exitPlanHas}
              valueFormat="D MMM YYYY"
              {...form.getInputProps("exitPlanLastTestedAt")}
            />
          </SimpleGrid>
          <Textarea
            label="Exit plan summary"
            placeholder="How we would move the service elsewhere, and how long it takes"
            disabled={!v.exitPlanHas}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("exitPlanSummary")}
          />
          <FormActions onCancel={props.onClose} pending={save.isPending}>
            {contract ? "Save contract" : "Add contract"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
