import type { NdaStatus, NdaStatusFilter, NdaType } from "../../../../domain/ndas";

/** Words for the NDA register. */
export const NDA_TYPE_LABELS: Record<NdaType, string> = { mutual: "Mutual", one_way: "One-way" };

export const NDA_STATUS_LABELS: Record<NdaStatusFilter, string> = {
  upcoming: "Upcoming",
  in_force: "In force",
  expired: "Expired",
  expiring: "Expiring within 30 days",
};

export const NDA_STATUS_COLORS: Record<NdaStatus, string> = {
  upcoming: "blue",
  in_force: "teal",
  expired: "red",
};
