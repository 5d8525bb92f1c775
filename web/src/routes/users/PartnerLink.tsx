import { Anchor, type MantineSize } from "@mantine/core";
import { Link } from "@tanstack/react-router";

/** A partner's name linking to its page. */
export function PartnerLink({
  partner,
  size = "sm",
}: {
  partner: { id: string; name: string };
  size?: MantineSize;
}) {
  return (
    <Anchor
      size={size}
      renderRoot={(props) => <Link to="/partners/$partnerId" params={{ partnerId: partner.id }} {...props} />}
    >
      {partner.name}
    </Anchor>
  );
}
