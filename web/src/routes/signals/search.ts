import { SIGNAL_STATUSES, type SignalStatus } from "../../../../domain/signals/api";
import { enumParam, idParam, textParam } from "../../lib/searchParams";

/** The signals inbox's URL state: the status tab and the filters. */
export interface SignalsSearch {
  status?: SignalStatus;
  partnerId?: string;
  rule?: string;
  categoryKey?: string;
}

/** Reads the inbox's search params defensively; the tab defaults to open signals. */
export function parseSignalsSearch(raw: Record<string, unknown>): SignalsSearch {
  return {
    status: enumParam(raw.status, SIGNAL_STATUSES),
    partnerId: idParam(raw.partnerId),
    rule: textParam(raw.rule),
    categoryKey: textParam(raw.categoryKey),
  };
}
