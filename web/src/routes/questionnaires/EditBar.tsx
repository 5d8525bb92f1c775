import { Alert, Badge, Button, Group, HoverCard, List, Paper, Text } from "@mantine/core";
import { IconDeviceFloppy, IconInfoCircle } from "@tabler/icons-react";
import { describePath } from "./builder";
import type { Template } from "./queries";
import type { TemplateDraft } from "./useTemplateDraft";

/**
 * The builder's sticky bar: change and problem state, Discard and Save, and what saving will do
 * to versions (replace the current one, or add one while assessments keep theirs).
 */
export function EditBar({
  template,
  draft,
  onDiscard,
}: {
  template: Template;
  draft: TemplateDraft;
  onDiscard: () => void;
}) {
  const current = template.versions.find((v) => v.version === template.currentVersion);
  const problems = Object.entries(draft.errors);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      style={{ position: "sticky", top: 60, zIndex: 5 }}
      data-testid="edit-bar"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Text fw={600}>Editing</Text>
          <Badge variant="light" color={draft.dirty ? "yellow" : "gray"}>
            {draft.dirty ? "Unsaved changes" : "No changes"}
          </Badge>
          {problems.length > 0 && (
            <HoverCard width={420} shadow="md" position="bottom-start">
              <HoverCard.Target>
                <Badge color="red" style={{ cursor: "help" }}>
                  {problems.length} {problems.length === 1 ? "problem" : "problems"}
                </Badge>
              </HoverCard.Target>
              <HoverCard.Dropdown>
                <List size="xs" spacing={4}>
                  {problems.slice(0, 12).map(([path, message]) => (
                    <List.Item key={path}>
                      <Text span size="xs" fw={600}>
                        {describePath(path)}
                      </Text>{" "}
                      {message}
                    </List.Item>
                  ))}
                </List>
                {problems.length > 12 && (
                  <Text size="xs" c="dimmed" mt={4}>
                    and {problems.length - 12} more
                  </Text>
                )}
              </HoverCard.Dropdown>
            </HoverCard>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onDiscard} disabled={draft.saving}>
            {draft.dirty ? "Discard changes" : "Stop editing"}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={draft.save}
            loading={draft.saving}
            disabled={!draft.dirty || problems.length > 0}
          >
            Save
          </Button>
        </Group>
      </Group>
      <Alert variant="transparent" p={0} mt={6} icon={<IconInfoCircle size={16} />} color="gray">
        <Text size="xs" c="dimmed">
          {current?.inUse
            ? `Version ${template.currentVersion} is used by assessments: saving creates version ${template.currentVersion + 1}, and assessments in progress keep version ${template.currentVersion}.`
            : `No assessment uses version ${template.currentVersion} yet: saving replaces it.`}
        </Text>
      </Alert>
    </Paper>
  );
}
