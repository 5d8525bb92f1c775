import { Group, Radio, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Classification } from "../../../../domain/documents";
import { ClassificationBadge } from "./ClassificationBadge";
import { CLASSIFICATION_HELP } from "./labels";

/** The four classifications as cards, each with what it means for sharing, so the choice is informed. */
export function ClassificationPicker(props: {
  value: Classification;
  onChange: (c: Classification) => void;
  error?: ReactNode;
}) {
  return (
    <Radio.Group
      label="Classification"
      withAsterisk
      value={props.value}
      onChange={(v) => props.onChange(v as Classification)}
      error={props.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
        {Classification.options.map((c) => (
          <Radio.Card key={c} value={c} p="sm" radius="md">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <div>
                <ClassificationBadge value={c} size="sm" explain={false} />
                <Text size="xs" c="dimmed" mt={4}>
                  {CLASSIFICATION_HELP[c]}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
