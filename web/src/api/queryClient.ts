import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./client";

let onUnauthenticated: () => void = () => {};

/** Registers what happens when any request answers 401 (the router sends the user to sign-in). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A 401 that means "your session is gone" (not a wrong password on the sign-in form). */
function sessionLost(error: unknown): boolean {
  return isApiError(error, 401) && error.code !== "invalid_credentials";
}

/**
 * The app's query client. Any 401 from a query or mutation means the session expired or was
 * revoked, so the cached identity is dropped and the user is sent to sign in again.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (sessionLost(error) && query.queryKey[0] !== "me") onUnauthenticated();
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (sessionLost(error)) onUnauthenticated();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors will not heal by retrying; network blips and 5xx might.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
