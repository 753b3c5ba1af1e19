import type { ReactNode } from "react";
import { notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "./problem";
import { useWorkflowMove } from "./workflow";

type Status = "open" | "action_planned" | "closed";
interface Vars {
  path: { finding_id: string };
  body: { to: Status; note?: string };
}
type Moved = { key: string; status: Status };

function problem(status: number): ApiProblem {
  return ApiProblem.fromResponse({ type: "t", title: "Refused", status, detail: "Guard failed." }, new Response(null, { status }));
}

const vars = (to: Status): Vars => ({ path: { finding_id: "f1" }, body: { to } });

function setUp(mutationFn: (v: Vars) => Promise<Moved>) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const refresh = vi.fn(() => Promise.resolve());
  const fn = vi.fn(mutationFn);
  const hook = renderHook(() => useWorkflowMove<Status, Vars>("finding", (s) => s.replace("_", " "), { mutationFn: fn }, refresh), { wrapper });
  return { hook, refresh, fn };
}

describe("useWorkflowMove", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends the move, announces the new state, refreshes, then runs onMoved", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook, refresh, fn } = setUp((v) => Promise.resolve({ key: "F-3", status: v.body.to }));
    const order: string[] = [];
    refresh.mockImplementation(() => {
      order.push("refresh");
      return Promise.resolve();
    });
    await act(() => hook.result.current.move(vars("action_planned"), () => order.push("onMoved")));
    expect(fn).toHaveBeenCalledWith(vars("action_planned"), expect.anything());
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ color: "teal", message: "F-3 is now action planned." }));
    expect(order).toEqual(["refresh", "onMoved"]);
    expect(hook.result.current.moving).toBeNull();
    expect(hook.result.current.problem).toBeNull();
  });

  it("keeps a guard refusal (409) to show inline, until cleared", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook, refresh } = setUp(() => Promise.reject(problem(409)));
    const onMoved = vi.fn();
    await act(() => hook.result.current.move(vars("closed"), onMoved));
    await waitFor(() => expect(hook.result.current.problem?.detail).toBe("Guard failed."));
    expect(show).not.toHaveBeenCalled();
    expect(onMoved).not.toHaveBeenCalled();
    expect(refresh).toHaveBeenCalledOnce();
    act(() => hook.result.current.clearProblem());
    await waitFor(() => expect(hook.result.current.problem).toBeNull());
  });

  it("notifies any other error and names the object", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook, refresh } = setUp(() => Promise.reject(problem(500)));
    await act(() => hook.result.current.move(vars("closed")));
    expect(hook.result.current.problem).toBeNull();
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ color: "red", title: "Could not change the finding's status" }));
    expect(refresh).toHaveBeenCalledOnce();
  });

  it("reports the state being moved to while the request runs", async () => {
    let finish: (v: Moved) => void = () => undefined;
    const { hook } = setUp(() => new Promise<Moved>((resolve) => (finish = resolve)));
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = hook.result.current.move(vars("closed"));
    });
    await waitFor(() => expect(hook.result.current.moving).toBe("closed"));
    await act(async () => {
      finish({ key: "F-1", status: "closed" });
      await pending;
    });
    await waitFor(() => expect(hook.result.current.moving).toBeNull());
  });
});
