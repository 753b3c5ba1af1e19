import { notifications } from "@mantine/notifications";
import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "./problem";
import { useWorkflowMove } from "./workflow";

type Status = "open" | "action_planned" | "closed";

function problem(status: number): ApiProblem {
  return ApiProblem.fromResponse({ type: "t", title: "Refused", status, detail: "Guard failed." }, new Response(null, { status }));
}

function setUp() {
  const refresh = vi.fn(() => Promise.resolve());
  const hook = renderHook(() => useWorkflowMove<Status>("finding", (s) => s.replace("_", " "), refresh));
  return { hook, refresh };
}

describe("useWorkflowMove", () => {
  afterEach(() => vi.restoreAllMocks());

  it("announces the new state, runs onMoved and refreshes", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook, refresh } = setUp();
    const onMoved = vi.fn();
    await act(() => hook.result.current.move("action_planned", () => Promise.resolve({ data: { key: "F-3", status: "action_planned" as Status } }), onMoved));
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ color: "teal", message: "F-3 is now action planned." }));
    expect(onMoved).toHaveBeenCalledOnce();
    expect(refresh).toHaveBeenCalledOnce();
    expect(hook.result.current.moving).toBeNull();
    expect(hook.result.current.problem).toBeNull();
  });

  it("keeps a guard refusal (409) to show inline, until cleared", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook, refresh } = setUp();
    const onMoved = vi.fn();
    await act(() => hook.result.current.move("closed", () => Promise.reject(problem(409)), onMoved));
    expect(hook.result.current.problem?.detail).toBe("Guard failed.");
    expect(show).not.toHaveBeenCalled();
    expect(onMoved).not.toHaveBeenCalled();
    expect(refresh).toHaveBeenCalledOnce();
    act(() => hook.result.current.clearProblem());
    expect(hook.result.current.problem).toBeNull();
  });

  it("notifies any other error and names the object", async () => {
    const show = vi.spyOn(notifications, "show");
    const { hook } = setUp();
    await act(() => hook.result.current.move("closed", () => Promise.reject(problem(500))));
    expect(hook.result.current.problem).toBeNull();
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ color: "red", title: "Could not change the finding's status" }));
  });

  it("reports the state being moved to while the request runs", async () => {
    const { hook } = setUp();
    let finish: (v: { data: { key: string; status: Status } }) => void = () => undefined;
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = hook.result.current.move("closed", () => new Promise((resolve) => (finish = resolve)));
    });
    expect(hook.result.current.moving).toBe("closed");
    await act(async () => {
      finish({ data: { key: "F-1", status: "closed" } });
      await pending;
    });
    expect(hook.result.current.moving).toBeNull();
  });
});
