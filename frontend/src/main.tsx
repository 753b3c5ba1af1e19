import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/dropzone/styles.css";
import "@mantine/notifications/styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MantineProvider } from "@mantine/core";
import { Notifications, notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";

import { configureApiClient, onSessionExpired } from "./api/client";
import { createQueryClient } from "./queryClient";
import { createAppRouter } from "./router";
import { theme } from "./theme";

configureApiClient();
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

onSessionExpired(() => {
  queryClient.clear();
  const { pathname, href } = router.state.location;
  if (pathname !== "/login" && pathname !== "/setup") {
    notifications.show({ color: "orange", title: "Session ended", message: "Please log in again." });
    void router.navigate({ to: "/login", search: { redirect: href } });
  }
});

const root = document.getElementById("root");
if (!root) throw new Error("#root element missing from index.html");

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
