import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
export type CountryList = Json<paths["/api/v1/countries"]["get"]["responses"][200]>;
export type CountryListItem = CountryList["items"][number];
export type CountryProfile = Json<paths["/api/v1/countries/{code}"]["get"]["responses"][200]>;
export type IndicatorEntry = CountryProfile["indicators"][number];
export type OverrideBody = NonNullable<
  paths["/api/v1/countries/{code}/override"]["put"]["requestBody"]
>["content"]["application/json"];

export const countryKeys = {
  all: ["countries"] as const,
  list: ["countries", "list"] as const,
  detail: (code: string) => ["countries", "detail", code] as const,
};

/** Every country in one answer; the page filters, sorts and pages it locally. */
export const countryListQuery = queryOptions({
  queryKey: countryKeys.list,
  queryFn: () => unwrap(api.GET("/api/v1/countries", { params: { query: { sort: "name" } } })),
  staleTime: 60_000,
});

/** One country's full profile. */
export const countryQuery = (code: string) =>
  queryOptions({
    queryKey: countryKeys.detail(code),
    queryFn: () => unwrap(api.GET("/api/v1/countries/{code}", { params: { path: { code } } })),
  });

export type RiskSettings = Json<paths["/api/v1/countries/risk-settings"]["get"]["responses"][200]>;
export type IndicatorImportResult = Json<
  paths["/api/v1/countries/indicators/import"]["post"]["responses"][200]
>;

export const riskSettingsKey = ["countries", "risk-settings"] as const;

/** The organization's risk-level weights and thresholds. */
export const riskSettingsQuery = queryOptions({
  queryKey: riskSettingsKey,
  queryFn: () => unwrap(api.GET("/api/v1/countries/risk-settings")),
});
