import { Text } from "@mantine/core";

/** PLACEHOLDER (issue 7): replaced by the documents UI work. */
export function DocumentPage() {
  return <Text>Coming soon</Text>;
}
