import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Grid,
  Group,
  Input,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import { IconAlertCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  CATEGORY_LABELS,
  CreatePartner,
  PARTNER_CATEGORIES,
  RegistrationId,
} from "../../../../domain/partners";
import { api, errorMessage, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { CreatePartnerBody, Partner } from "../../api/types";
import { useMe } from "../../api/useMe";
import { COUNTRY_OPTIONS, countryFilter } from "../../lib/countries";
import { type FieldErrors, nullIfBlank, serverErrors, zodErrors } from "../../lib/forms";

const CATEGORY_OPTIONS = PARTNER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** Common registration schemes, offered as suggestions: any other scheme may be typed. */
const SCHEMES = ["VAT", "DUNS", "Company number", "Tax id", "Other"];
const SCHEME_PLACEHOLDERS: Record<string, string> = {
  VAT: "DE123456789",
  DUNS: "150483782",
  "Company number": "09876543",
  "Tax id": "12-3456789",
};
/** The most registration ids a partner may have (the server's limit). */
export const MAX_REGISTRATION_IDS = 10;

/** One row of the registration id list; `key` only keeps React rows stable while rows are removed. */
export interface RegistrationIdRow {
  key: string;
  scheme: string;
  value: string;
}

export interface PartnerFormValues {
  name: string;
  legalName: string;
  lei: string;
  registrationIds: RegistrationIdRow[];
  country: string;
  website: string;
  category: string;
  tags: string[];
  description: string;
  ownerId: string;
}

/** Form values of an existing partner (or blanks for a new one). */
export function partnerValues(p?: Partner): PartnerFormValues {
  return {
    name: p?.name ?? "",
    legalName: p?.legalName ?? "",
    lei: p?.lei ?? "",
    registrationIds: (p?.registrationIds ?? []).map((r) => ({ key: randomId(), ...r })),
    country: p?.country ?? "",
    website: p?.website ?? "",
    category: p?.category ?? "",
    tags: p?.tags ?? [],
    description: p?.description ?? "",
    ownerId: p?.owner?.id ?? "",
  };
}

/** True for a registration id row left entirely empty: it is dropped rather than refused. */
const isBlankRow = (r: RegistrationIdRow) => !r.scheme.trim() && !r.value.trim();

/** The request body for form values: blanks become null so optional fields can be cleared. */
export function partnerBody(v: PartnerFormValues): CreatePartnerBody {
  return {
    name: v.name.trim(),
    legalName: nullIfBlank(v.legalName),
    lei: nullIfBlank(v.lei)?.toUpperCase() ?? null,
    registrationIds: v.registrationIds
      .filter((r) => !isBlankRow(r))
      .map((r) => ({ scheme: r.scheme.trim(), value: r.value.trim() })),
    country: v.country,
    website: nullIfBlank(v.website),
    category: v.category as CreatePartnerBody["category"],
    tags: v.tags,
    description: nullIfBlank(v.description),
    ownerId: v.ownerId || null,
  };
}

/**
 * Puts field errors of the request body onto the form's fields: "tags.2" collapses onto "tags",
 * while "registrationIds.1.value" stays on its input, its index translated from the body (which
 * leaves out blank rows) back to the form's rows.
 */
function toFormErrors(errors: FieldErrors, v: PartnerFormValues): FieldErrors {
  const rows = v.registrationIds.flatMap((r, i) => (isBlankRow(r) ? [] : [i]));
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [field, index, sub] = path.split(".");
    const row = rows[Number(index)];
    const key =
      field === "registrationIds" && sub && row !== undefined ? `registrationIds.${row}.${sub}` : field;
    out[key] ??= message;
  }
  return out;
}

interface Props {
  partner?: Partner;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreatePartnerBody) => void;
  onCancel: () => void;
}

/**
 * Create/edit form of a partner. Validates with the same zod schema as the server before sending,
 * and puts the server's field errors (400/409/422 `errors[].path`, such as a duplicate LEI) back
 * onto the fields after.
 */
export function PartnerForm({ partner, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const me = useMe();
  const form = useForm<PartnerFormValues>({
    initialValues: partnerValues(partner),
    // Check a field as the user leaves it, but only once they have changed it: flagging an empty
    // required field just for losing focus would also shift the layout under a click in progress
    // (the first click on "Add registration id" got lost that way).
    enhanceGetInputProps: ({ field, form }) => ({
      onBlur: () => {
        if (form.isDirty(field)) form.validateField(field);
      },
    }),
    validate: (v) => {
      const errors = toFormErrors(zodErrors(CreatePartner, partnerBody(v)), v);
      // A half-filled row names the missing half (the schema would only see an empty string).
      v.registrationIds.forEach((r, i) => {
        if (isBlankRow(r)) return;
        for (const [k, m] of Object.entries(zodErrors(RegistrationId, r)))
          errors[`registrationIds.${i}.${k}`] ??= m;
      });
      // An empty select deserves a plainer sentence than the schema's format rule.
      if (!v.country) errors.country = "Choose a country";
      if (!v.category) errors.category = "Choose a category";
      return errors;
    },
  });
  // Owners are users; only those who may list users get the full choice, others can pick themselves.
  const users = useQuery({
    queryKey: ["users", "owners"],
    queryFn: () => unwrap(api.GET("/api/v1/users", { params: { query: { active: "true", limit: 200 } } })),
    enabled: can(me, "user", "read"),
    staleTime: 60_000,
  });
  const ownerOptions = new Map<string, string>([[me.user.id, `${me.user.name} (you)`]]);
  if (partner?.owner) ownerOptions.set(partner.owner.id, partner.owner.name);
  for (const u of users.data?.items ?? [])
    if (u.role !== "partner") ownerOptions.set(u.id, u.id === me.user.id ? `${u.name} (you)` : u.name);

  // Server field errors (a duplicate LEI's 409 too) land on their fields and clear as the user
  // edits them; anything else shows above the form.
  const fieldErrors = toFormErrors(serverErrors(error), form.getValues());
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = error && !hasFieldErrors ? errorMessage(error) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new server error should set errors
  useEffect(() => {
    if (hasFieldErrors) form.setErrors(fieldErrors);
  }, [error]);
  const input = (field: keyof PartnerFormValues) => form.getInputProps(field);
  const registrationIds = form.values.registrationIds;
  const addRegistrationId = () =>
    form.insertListItem("registrationIds", { key: randomId(), scheme: "", value: "" });

  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(partnerBody(v)))} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title="Could not save">
            {formError}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Name"
              placeholder="Northwind Services"
              withAsterisk
              autoFocus
              {...input("name")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Legal name"
              placeholder="Northwind Services Pvt. Ltd."
              {...input("legalName")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Country"
              placeholder="Where the partner is registered"
              data={COUNTRY_OPTIONS}
              searchable
              filter={countryFilter}
              selectFirstOptionOnChange
              withAsterisk
              {...input("country")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Category"
              placeholder="What they do for you"
              data={CATEGORY_OPTIONS}
              withAsterisk
              {...input("category")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="LEI"
              description="Legal Entity Identifier, 20 characters"
              placeholder="5493001KJTIIGC8Y1R12"
              maxLength={20}
              styles={{ input: { fontFamily: "ui-monospace, monospace", textTransform: "uppercase" } }}
              {...input("lei")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Website"
              description="Domain or full address"
              placeholder="northwind.example"
              {...input("website")}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Input.Wrapper
              label="Other registration ids"
              description={`VAT, DUNS, company number and the like, up to ${MAX_REGISTRATION_IDS}`}
              error={form.errors.registrationIds}
            >
              <Stack gap="xs" mt={6}>
                {registrationIds.map((r, i) => (
                  <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap">
                    <Autocomplete
                      aria-label={`Scheme of registration id ${i + 1}`}
                      placeholder="Scheme"
                      data={SCHEMES}
                      maxLength={40}
                      w={{ base: 140, xs: 190 }}
                      {...form.getInputProps(`registrationIds.${i}.scheme`)}
                    />
                    <TextInput
                      aria-label={`Value of registration id ${i + 1}`}
                      placeholder={SCHEME_PLACEHOLDERS[r.scheme.trim()] ?? "Number or code"}
                      maxLength={80}
                      style={{ flex: 1, minWidth: 0 }}
                      styles={{ input: { fontFamily: "ui-monospace, monospace" } }}
                      {...form.getInputProps(`registrationIds.${i}.value`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size={36}
                      aria-label={`Remove registration id ${i + 1}`}
                      onClick={() => form.removeListItem("registrationIds", i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={addRegistrationId}
                    disabled={registrationIds.length >= MAX_REGISTRATION_IDS}
                  >
                    Add registration id
                  </Button>
                </Group>
              </Stack>
            </Input.Wrapper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TagsInput
              label="Tags"
              description="Press Enter after each tag"
              placeholder="e.g. tier-1, nearshore"
              maxTags={20}
              {...input("tags")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Owner"
              description="Who manages the relationship"
              placeholder="Unassigned"
              data={[...ownerOptions].map(([value, label]) => ({ value, label }))}
              clearable
              searchable
              selectFirstOptionOnChange
              {...input("ownerId")}
              value={form.values.ownerId || null}
              onChange={(v) => form.setFieldValue("ownerId", v ?? "")}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Description"
              placeholder="What is outsourced to them, and why"
              autosize
              minRows={3}
              maxRows={8}
              {...input("description")}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
