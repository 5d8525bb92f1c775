import type { AccessAction, Classification, ShareStatus, WatermarkKind } from "../../../../domain/documents";

/** Words and colours of the documents area. */

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  restricted: "Restricted",
};

/** Grey → blue → orange → red: the warmer the colour, the more care a share needs. */
export const CLASSIFICATION_COLORS: Record<Classification, string> = {
  public: "gray",
  internal: "blue",
  confidential: "orange",
  restricted: "red",
};

/** One line per classification, shown where one is chosen: what it means and what it implies for sharing. */
export const CLASSIFICATION_HELP: Record<Classification, string> = {
  public: "May be published. Shares need no NDA; any file type can be shared.",
  internal: "For the organization and its partners' work. Shares need no NDA; any file type can be shared.",
  confidential:
    "Harm if disclosed. Shares need an NDA in force, and only PDF, PNG and JPEG can be shared, since every copy is watermarked.",
  restricted:
    "Serious harm if disclosed (personal data, trade secrets). Same rules as confidential: NDA in force, PDF/PNG/JPEG only.",
};

export const SHARE_STATUS_LABELS: Record<ShareStatus, string> = {
  live: "Live",
  expired: "Expired",
  revoked: "Revoked",
};

export const SHARE_STATUS_COLORS: Record<ShareStatus, string> = {
  live: "teal",
  expired: "gray",
  revoked: "red",
};

export const ACCESS_ACTION_LABELS: Record<AccessAction, string> = { view: "Viewed", download: "Downloaded" };

export const WATERMARK_LABELS: Record<WatermarkKind, string> = {
  pdf: "PDF marks",
  image: "Image marks",
  none: "Unmarked",
};
