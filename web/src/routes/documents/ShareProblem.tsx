import { Alert, Anchor, Text } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { ApiError } from "../../api/client";

/**
 * The two refusals of a share that need explaining rather than a red toast: no NDA in force with the
 * partner (with the way to record one), and a file type that cannot carry the watermark.
 */
export function ShareProblem(props: {
  error: unknown;
  partnerId: string | null;
  partnerName: string | null;
}) {
  const { error } = props;
  if (!(error instanceof ApiError)) return null;
  if (error.code === "nda_required")
    return (
      <Alert color="orange" icon={<IconLock size={18} />} title="An NDA must be in force first">
        <Text size="sm">
          Confidential and restricted documents are shared only with partners bound by a non-disclosure
          agreement that is in force today
          {props.partnerName ? `, and none is for ${props.partnerName}` : ""}. Record the signed NDA (or renew
          the lapsed one), then share again.
        </Text>
        <Anchor
          size="sm"
          fw={600}
          mt={6}
          display="inline-block"
          renderRoot={(p) => (
            <Link to="/ndas" search={props.partnerId ? { partnerId: props.partnerId } : {}} {...p} />
          )}
        >
          Record an NDA
        </Anchor>
      </Alert>
    );
  if (error.code === "watermark_unsupported")
    return (
      <Alert
        color="orange"
        icon={<IconAlertTriangle size={18} />}
        title="This file type cannot be watermarked"
      >
        <Text size="sm">
          Every copy of a confidential or restricted document is marked for its recipient, and only PDF, PNG
          and JPEG files can carry the marks. Upload a PDF version (or lower the classification if it allows)
          to share it.
        </Text>
      </Alert>
    );
  return null;
}

/** True when {@link ShareProblem} explains this error (so no generic message is shown too). */
export const isExplainedShareError = (error: unknown) =>
  error instanceof ApiError && (error.code === "nda_required" || error.code === "watermark_unsupported");
