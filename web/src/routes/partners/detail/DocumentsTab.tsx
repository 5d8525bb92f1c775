import { Text } from "@mantine/core";

/** PLACEHOLDER (issue 7): the partner's document room, replaced by the documents UI work. */
export function DocumentsTab() {
  return <Text>Coming soon</Text>;
}
