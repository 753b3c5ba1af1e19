import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from "@tanstack/react-router";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { meGetMeQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { Action, MeRead } from "../../api/gen/types.gen";
import { canFrom, useCan } from "./useCan";

const ME: MeRead = {
  id: "u1",
  email: "pat@acme.example",
  full_name: "Pat Owner",
  memberships: [
    { org_id: "o1", org_slug: "acme", org_name: "Acme", role: "process_owner", permissions: ["measures:read", "measures:write"] },
    { org_id: "o2", org_slug: "globex", org_name: "Globex", role: "viewer", permissions: ["measures:read"] },
  ],
  mfa: { totp_enabled: false, enrolled_at: null, recovery_codes_left: 0, required_by: [] },
};

function Probe() {
  const can = useCan();
  const actions: Action[] = ["measures:read", "measures:write", "members:manage"];
  return <p data-testid="allowed">{actions.filter((a) => can(a)).join(" ") || "nothing"}</p>;
}

/** The hook inside the app's real route shape (`/_authed/orgs/$org`), with /me in the cache. */
function renderAt(path: string, me: MeRead | undefined) {
  const queryClient = new QueryClient();
  if (me) queryClient.setQueryData(meGetMeQueryKey(), me);
  const root = createRootRoute({ component: Outlet });
  const authed = createRoute({ getParentRoute: () => root, id: "_authed", component: Outlet });
  const org = createRoute({ getParentRoute: () => authed, path: "orgs/$org", component: Probe });
  const router = createRouter({ routeTree: root.addChildren([authed.addChildren([org])]), history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe("useCan", () => {
  afterEach(cleanup);

  it("answers from the current organisation's membership permissions", async () => {
    renderAt("/orgs/acme", ME);
    expect((await screen.findByTestId("allowed")).textContent).toBe("measures:read measures:write");
  });

  it("follows the organisation in the route", async () => {
    renderAt("/orgs/globex", ME);
    expect((await screen.findByTestId("allowed")).textContent).toBe("measures:read");
  });

  it("allows nothing without a membership (not a member, or /me not loaded)", async () => {
    renderAt("/orgs/initech", ME);
    expect((await screen.findByTestId("allowed")).textContent).toBe("nothing");
  });
});

describe("canFrom", () => {
  it("allows exactly the listed actions", () => {
    const can = canFrom(["evidence:write"]);
    expect(can("evidence:write")).toBe(true);
    expect(can("evidence:approve")).toBe(false);
    expect(canFrom(undefined)("org:read")).toBe(false);
  });
});
