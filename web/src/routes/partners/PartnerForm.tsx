import { Alert, Button, Grid, Group, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { CATEGORY_LABELS, CreatePartner, PARTNER_CATEGORIES } from "../../../../domain/partners";
import { api, errorMessage, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { CreatePartnerBody, Partner } from "../../api/types";
import { useMe } from "../../api/useMe";
import { COUNTRY_OPTIONS } from "../../lib/countries";
import { type FieldErrors, nullIfBlank, serverErrors, zodErrors } from "../../lib/forms";

const CATEGORY_OPTIONS = PARTNER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

export interface PartnerFormValues {
  name: string;
  legalName: string;
  lei: string;
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
    country: p?.country ?? "",
    website: p?.website ?? "",
    category: p?.category ?? "",
    tags: p?.tags ?? [],
    description: p?.description ?? "",
    ownerId: p?.owner?.id ?? "",
  };
}

/** The request body for form values: blanks become null so optional fields can be cleared. */
export function partnerBody(v: PartnerFormValues): CreatePartnerBody {
  return {
    name: v.name.trim(),
    legalName: nullIfBlank(v.legalName),
    lei: nullIfBlank(v.lei)?.toUpperCase() ?? null,
    country: v.country,
    website: nullIfBlank(v.website),
    category: v.category as CreatePartnerBody["category"],
    tags: v.tags,
    description: nullIfBlank(v.description),
    ownerId: v.ownerId || null,
  };
}

/** Server field errors collapsed onto the form's top-level fields ("tags.2" → "tags"). */
function toFormErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, m] of Object.entries(serverErrors(error))) out[k.split(".")[0]] ??= m;
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
 * and puts the server's field errors (400/422 `errors[].path`) back onto the fields after.
 */
export function PartnerForm({ partner, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const me = useMe();
  const form = useForm<PartnerFormValues>({
    initialValues: partnerValues(partner),
    validateInputOnBlur: true,
    validate: (v) => {
      const errors: FieldErrors = {};
      for (const [k, m] of Object.entries(zodErrors(CreatePartner, partnerBody(v))))
        errors[k.split(".")[0]] ??= m;
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

  // Server field errors land on their fields (and clear as the user edits them); anything else,
  // such as a conflict on the LEI, shows above the form.
  const fieldErrors = toFormErrors(error);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = error && !hasFieldErrors ? errorMessage(error) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new server error should set errors
  useEffect(() => {
    if (hasFieldErrors) form.setErrors(fieldErrors);
  }, [error]);
  const input = (field: keyof PartnerFormValues) => form.getInputProps(field);

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
