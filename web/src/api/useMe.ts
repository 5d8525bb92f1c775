import { useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "./session";
import type { Me } from "./types";

/** The signed-in identity. Only used below the app route, whose `beforeLoad` already fetched it. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}
