import {
  Alert,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useEffect } from "react";
import { markableKind } from "../../../../domain/documents";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { formatDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";
import { ndaListQuery } from "../ndas/queries";
import { needsNda } from "./files";
import { CLASSIFICATION_LABELS } from "./labels";
import { type DocumentDetail, documentKeys, portalUsersQuery } from "./queries";
import { isExplainedShareError, ShareProblem } from "./ShareProblem";
import { blankShare, lastShareDay, type ShareValues, toShareBody, validateShare } from "./shareForm";

/**
 * Share a document with a partner's portal users (all, or some), until a day, view-only unless
 * download is allowed. For confidential documents the partner's NDA is looked up beforehand so
 * the user knows before pressing Share; the server decides (409 nda_required).
 */
export function ShareModal(props: {
  opened: boolean;
  onClose: () => void;
  document: DocumentDetail;
  partnerName: string | null;
}) {
  const d = props.document;
  const me = useMe();
  const queryClient = useQueryClient();
  const docPartner = d.partnerId ? { id: d.partnerId, name: props.partnerName ?? "" } : null;
  const form = useForm<ShareValues>({
    initialValues: blankShare(docPartner),
    validate: (v) => validateShare(v),
  });
  const v = form.values;
  const users = useQuery({
    ...portalUsersQuery(v.partnerId ?? ""),
    enabled: props.opened && Boolean(v.partnerId) && v.audience === "users",
  });
  const confidential = needsNda(d.classification);
  const ndas = useQuery({
    ...ndaListQuery({ partnerId: v.partnerId ?? undefined, status: "in_force", limit: 10 }, undefined),
    enabled: props.opened && confidential && Boolean(v.partnerId) && can(me, "nda", "read"),
  });
  const share = useMutation({
    mutationFn: (values: ShareValues) =>
      unwrap(
        api.POST("/api/v1/documents/{id}/shares", {
          params: { path: { id: d.id } },
          body: toShareBody(values),
        }),
      ),
    onSuccess: (s) => {
      notifySuccess("Document shared", `${s.partner.name}, until ${formatDate(s.expiresAt)}`);
      void queryClient.invalidateQueries({ queryKey: documentKeys.shares(d.id) });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(blankShare(docPartner));
    form.clearErrors();
    share.reset();
  }, [props.opened]);
  useServerErrors(form, share.error, (path) => (path.startsWith("userIds") ? "userIds" : path));

  const nda = ndas.data?.items[0];
  const unmarkable = confidential && !markableKind(d.contentType);
  const level = CLASSIFICATION_LABELS[d.classification].toLowerCase();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>Share {d.title}</Text>}
    >
      <form onSubmit={form.onSubmit((values) => share.mutate(values))} noValidate>
        <Stack gap="md">
          <ShareProblem error={share.error} partnerId={v.partnerId} partnerName={v.partnerName} />
          {!isExplainedShareError(share.error) && <FormError error={share.error} />}
          <PartnerSelect
            label="Partner"
            withAsterisk
            value={v.partnerId}
            selectedName={v.partnerName}
            error={form.errors.partnerId}
            onChange={(id, name) => form.setValues({ partnerId: id, partnerName: name, userIds: [] })}
          />
          {confidential && v.partnerId && ndas.isSuccess && !isExplainedShareError(share.error) && (
            <Alert
              color={nda ? "teal" : "orange"}
              variant="light"
              p="xs"
              icon={nda ? <IconCircleCheck size={18} /> : <IconInfoCircle size={18} />}
            >
              <Text size="sm">
                {nda
                  ? `NDA in force${nda.expiryDate ? ` until ${formatDate(nda.expiryDate)}` : ""}: this ${level} document can be shared.`
                  : `No NDA in force with this partner: sharing a ${level} document will be refused.`}
                {nda?.expiryDate && v.expiresOn && v.expiresOn > nda.expiryDate
                  ? " The share runs past the NDA: partners cannot open it after the NDA ends unless it is renewed."
                  : ""}
              </Text>
            </Alert>
          )}
          {unmarkable && !isExplainedShareError(share.error) && (
            <Alert color="orange" variant="light" p="xs" icon={<IconInfoCircle size={18} />}>
              <Text size="sm">
                Only PDF, PNG and JPEG can be shared at this classification, since each copy is watermarked.
              </Text>
            </Alert>
          )}
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Recipients
            </Text>
            <SegmentedControl
              value={v.audience}
              onChange={(a) => form.setFieldValue("audience", a as ShareValues["audience"])}
              data={[
                { value: "partner", label: "All portal users of the partner" },
                { value: "users", label: "Chosen users" },
              ]}
            />
            {v.audience === "partner" ? (
              <Text size="xs" c="dimmed">
                Everyone the partner has in the portal, including users invited later.
              </Text>
            ) : (
              <MultiSelect
                aria-label="Portal users"
                placeholder={v.partnerId ? "Pick portal users" : "Choose a partner first"}
                disabled={!v.partnerId}
                searchable
                nothingFoundMessage={users.isFetching ? "Loading…" : "This partner has no portal users"}
                data={(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.name} <${u.email}>${u.active ? "" : " (inactive)"}`,
                  disabled: !u.active,
                }))}
                {...form.getInputProps("userIds")}
                error={
                  form.errors.userIds ??
                  (users.isError ? "Could not load the partner's portal users" : undefined)
                }
              />
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DatePickerInput
              label="Works until"
              description="Up to two years; the share ends at midnight"
              withAsterisk
              valueFormat="D MMM YYYY"
              minDate={dayjs().format("YYYY-MM-DD")}
              maxDate={lastShareDay()}
              {...form.getInputProps("expiresOn")}
            />
            <Switch
              mt={28}
              label="Allow download"
              description={
                v.allowDownload
                  ? "Recipients may save a watermarked copy"
                  : "Off: recipients view it in the browser only"
              }
              checked={v.allowDownload}
              onChange={(e) => form.setFieldValue("allowDownload", e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Textarea
            label="Note"
            description="Why it is shared, for the record (not shown to the partner)"
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps("note")}
          />
          <FormActions onCancel={props.onClose} pending={share.isPending}>
            Share
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
