import { Alert, Anchor, Checkbox, Input, Skeleton, Stack, Text } from "@mantine/core";
import { IconAddressBook } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, unwrap } from "../../api/client";
import { ErrorState } from "../../components/States";

/**
 * The partner's contacts as a checklist of who receives the questionnaire. Only contacts with an
 * email can be invited to the portal; the others are listed greyed out so the sender sees why
 * someone is missing, and a partner without any gets a link to add contacts.
 */
export function RecipientPicker(props: {
  partnerId: string | null;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
  onAddContacts: () => void;
}) {
  const contacts = useQuery({
    queryKey: ["partners", "detail", props.partnerId, "contacts"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/partners/{id}/contacts", { params: { path: { id: props.partnerId as string } } }),
      ),
    enabled: Boolean(props.partnerId),
  });
  const items = [...(contacts.data?.items ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const withEmail = items.filter((c) => c.email);
  // Preselect the primary contact (or the only one who can be invited) when a partner's list arrives.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly loaded list should preselect
  useEffect(() => {
    if (props.value.length > 0 || withEmail.length === 0) return;
    const first = withEmail.find((c) => c.isPrimary) ?? (withEmail.length === 1 ? withEmail[0] : undefined);
    if (first) props.onChange([first.id]);
  }, [contacts.data]);
  return (
    <Input.Wrapper
      label="Recipients"
      withAsterisk
      description="The partner's contacts who answer; each is invited to the portal when the assessment is sent."
      error={props.error}
    >
      <Stack gap={8} mt={8}>
        {!props.partnerId ? (
          <Text size="sm" c="dimmed">
            Choose a partner first.
          </Text>
        ) : contacts.isPending ? (
          <Skeleton height={60} />
        ) : contacts.isError ? (
          <ErrorState
            error={contacts.error}
            onRetry={() => contacts.refetch()}
            title="Could not load the contacts"
          />
        ) : withEmail.length === 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAddressBook size={18} />}>
            {items.length === 0
              ? "This partner has no contacts yet."
              : "None of this partner's contacts has an email."}{" "}
            <Anchor component="button" type="button" size="sm" onClick={props.onAddContacts}>
              Add contacts
            </Anchor>
          </Alert>
        ) : (
          <Checkbox.Group value={props.value} onChange={props.onChange}>
            <Stack gap={8}>
              {items.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  disabled={!c.email}
                  label={
                    <Text size="sm" span>
                      {c.name}
                      {c.role ? ` · ${c.role}` : ""}
                      {c.isPrimary ? " · primary" : ""}
                    </Text>
                  }
                  description={c.email ?? "No email: cannot be invited"}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
