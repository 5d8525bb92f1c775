import "@fontsource-variable/inter";
import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { queryClient, setUnauthenticatedHandler } from "./api/queryClient";
import { router } from "./router";
import { theme } from "./theme";

// Any 401 after sign-in means the session ended elsewhere: forget who we were and ask again,
// coming back to the same page afterwards.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ queryKey: ["me"] });
  const here = router.state.location.href;
  if (!router.state.location.pathname.startsWith("/sign-in")) {
    void router.navigate({ to: "/sign-in", search: { redirect: here } });
  }
});

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
