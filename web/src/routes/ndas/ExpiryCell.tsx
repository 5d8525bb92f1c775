import { Stack, Text } from "@mantine/core";
import { NDA_EXPIRING_DAYS } from "../../../../domain/ndas";
import { formatDate } from "../../lib/format";
import { expiryCountdown } from "./expiry";
import type { Nda } from "./queries";

/**
 * The expiry date with its countdown: red once expired, orange within 30 days, so the rows that
 * need a renewal stand out without reading every date.
 */
export function ExpiryCell({ nda }: { nda: Pick<Nda, "expiryDate" | "daysToExpiry"> }) {
  const d = nda.daysToExpiry;
  const color = d === null ? "dimmed" : d < 0 ? "red.7" : d <= NDA_EXPIRING_DAYS ? "orange.7" : undefined;
  return (
    <Stack gap={0}>
      <Text size="sm" c={color} fw={d !== null && d <= NDA_EXPIRING_DAYS ? 600 : undefined}>
        {nda.expiryDate ? formatDate(nda.expiryDate) : "Open-ended"}
      </Text>
      {d !== null && (
        <Text size="xs" c={color ?? "dimmed"}>
          {expiryCountdown(d)}
        </Text>
      )}
    </Stack>
  );
}
