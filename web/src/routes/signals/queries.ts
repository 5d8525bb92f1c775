import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { SignalsSearch } from "./search";

/** Query keys of the signals inbox. */
export const signalKeys = {
  all: ["risk-signals"] as const,
  list: (search: SignalsSearch, cursor: string | undefined, limit: number) =>
    ["risk-signals", "list", search, cursor, limit] as const,
  rules: ["risk-signals", "rules"] as const,
};

const fetchSignals = (search: SignalsSearch, cursor: string | undefined, limit: number) =>
  unwrap(
    api.GET("/api/v1/risk-signals", {
      params: { query: { ...search, status: search.status ?? "open", cursor, limit } },
    }),
  );

/** One page of signals, newest first. */
export const signalListQuery = (search: SignalsSearch, cursor: string | undefined, limit = 20) =>
  queryOptions({
    queryKey: signalKeys.list(search, cursor, limit),
    queryFn: () => fetchSignals(search, cursor, limit),
    placeholderData: keepPreviousData,
  });

const fetchRules = () => unwrap(api.GET("/api/v1/risk-signals/rules"));

/** The rule registry, for the rule filter and for saying what each rule checks. */
export const signalRulesQuery = queryOptions({
  queryKey: signalKeys.rules,
  queryFn: fetchRules,
  staleTime: 5 * 60_000,
});

export type RiskSignal = Awaited<ReturnType<typeof fetchSignals>>["items"][number];
export type SignalRuleInfo = Awaited<ReturnType<typeof fetchRules>>["items"][number];
