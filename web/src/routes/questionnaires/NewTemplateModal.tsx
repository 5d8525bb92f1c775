import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { notifySuccess } from "../../lib/notify";
import { blankContent } from "./builder";
import { requestEdit } from "./editIntent";
import { createTemplate, templateKeys } from "./queries";

/**
 * "New blank template": asks for a title, creates version 1 with one starter section and question
 * (a template needs at least one of each) and opens it in the builder.
 */
export function NewTemplateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [title, setTitle] = useState("");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => createTemplate(blankContent(title.trim())),
    onSuccess: (t) => {
      notifySuccess("Template created", t.title);
      void queryClient.invalidateQueries({ queryKey: templateKeys.all });
      requestEdit(t.id);
      onClose();
      setTitle("");
      void navigate({ to: "/questionnaires/$templateId", params: { templateId: t.id } });
    },
  });
  const tooLong = title.trim().length > 200;

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>New blank template</Text>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim() && !tooLong) create.mutate();
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Title"
            placeholder="e.g. Cloud hosting due diligence"
            withAsterisk
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={tooLong ? "At most 200 characters" : create.error ? errorMessage(create.error) : undefined}
          />
          <Text size="xs" c="dimmed">
            It starts with one section and one question; the builder opens next.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim() || tooLong}>
              Create and edit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
