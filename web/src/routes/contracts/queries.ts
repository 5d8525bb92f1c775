import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { type ContractsSearch, toListQuery } from "./search";

/** Query keys of the contract area, so mutations can invalidate exactly what they touched. */
export const contractKeys = {
  all: ["contracts"] as const,
  list: (search: object, cursor: string | undefined) => ["contracts", "list", search, cursor] as const,
  detail: (id: string) => ["contracts", "detail", id] as const,
  obligations: (id: string) => ["contracts", "detail", id, "obligations"] as const,
  reviews: (id: string) => ["contracts", "detail", id, "reviews"] as const,
  calendar: ["contracts", "calendar"] as const,
};

const fetchContracts = (search: ContractsSearch, cursor: string | undefined) =>
  unwrap(
    api.GET("/api/v1/contracts", {
      params: { query: { ...toListQuery(search), limit: search.limit ?? 25, cursor } },
    }),
  );

/** One page of contracts for the given filters and cursor. */
export const contractListQuery = (search: ContractsSearch, cursor: string | undefined) =>
  queryOptions({
    queryKey: contractKeys.list(search, cursor),
    queryFn: () => fetchContracts(search, cursor),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

const fetchContract = (id: string) => unwrap(api.GET("/api/v1/contracts/{id}", { params: { path: { id } } }));

/** One contract with its clauses, services, exit plan and computed notice deadline. */
export const contractQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.detail(id), queryFn: () => fetchContract(id) });

const fetchObligations = (id: string) =>
  unwrap(api.GET("/api/v1/contracts/{id}/obligations", { params: { path: { id }, query: { limit: 200 } } }));

/** The contract's obligations and deliverables, both sides (the first 200 by due date). */
export const obligationsQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.obligations(id), queryFn: () => fetchObligations(id) });

const fetchReviews = (id: string) =>
  unwrap(api.GET("/api/v1/contracts/{id}/reviews", { params: { path: { id } } }));

/** The contract's review history, newest first. */
export const reviewsQuery = (id: string) =>
  queryOptions({ queryKey: contractKeys.reviews(id), queryFn: () => fetchReviews(id) });

const fetchCalendar = (from: string, to: string) =>
  unwrap(api.GET("/api/v1/contracts/renewal-calendar", { params: { query: { from, to } } }));

/** Notice deadlines and end dates between two ISO dates, for the renewal calendar. */
export const calendarQuery = (from: string, to: string) =>
  queryOptions({ queryKey: [...contractKeys.calendar, from, to], queryFn: () => fetchCalendar(from, to) });

export type ContractListItem = Awaited<ReturnType<typeof fetchContracts>>["items"][number];
export type Contract = Awaited<ReturnType<typeof fetchContract>>;
export type Obligation = Awaited<ReturnType<typeof fetchObligations>>["items"][number];
export type ContractReview = Awaited<ReturnType<typeof fetchReviews>>["items"][number];
export type RenewalEvent = Awaited<ReturnType<typeof fetchCalendar>>["items"][number];
