import { describe, expect, it } from "vitest";
import type { ClauseNode } from "../requirements/catalogue";
import { checkState, compareRefs, scopeFromSelection, selectionFromScope, toggleNode } from "./scope";

const tree: ClauseNode[] = [
  { ref: "7", title: "Support", children: [{ ref: "7.1", title: "Resources" }, { ref: "7.2", title: "Competence" }] },
  {
    ref: "8",
    title: "Operation",
    children: [
      { ref: "8.1", title: "Planning" },
      {
        ref: "8.5",
        title: "Design",
        children: [
          { ref: "8.5.1", title: "Change", children: [{ ref: "8.5.1.1", title: "Policy" }, { ref: "8.5.1.2", title: "Initiation" }] },
          { ref: "8.5.3", title: "Release" },
        ],
      },
    ],
  },
];

describe("audit scope picker", () => {
  it("sends a fully selected clause as its prefix", () => {
    const selected = toggleNode(tree[1]!, new Set());
    expect(scopeFromSelection(tree, selected)).toEqual(["8"]);
  });

  it("sends the smallest covering refs for a partial selection", () => {
    const selected = new Set(["7.2", "8.5.1.1", "8.5.1.2", "8.5.3", "8.1"]);
    expect(scopeFromSelection(tree, selected)).toEqual(["7.2", "8"]);
    selected.delete("8.1");
    expect(scopeFromSelection(tree, selected)).toEqual(["7.2", "8.5"]);
    selected.delete("8.5.3");
    expect(scopeFromSelection(tree, selected)).toEqual(["7.2", "8.5.1"]);
  });

  it("tracks partial state and toggles a node", () => {
    const selected = new Set(["8.1"]);
    expect(checkState(tree[1]!, selected)).toBe("some");
    expect(checkState(tree[0]!, selected)).toBe("none");
    const all = toggleNode(tree[1]!, selected);
    expect(checkState(tree[1]!, all)).toBe("all");
    expect(toggleNode(tree[1]!, all).size).toBe(0);
  });

  it("expands a stored scope back into leaves (8 never matches 80)", () => {
    expect([...selectionFromScope(tree, ["8.5", "7.1"])].sort(compareRefs)).toEqual(["7.1", "8.5.1.1", "8.5.1.2", "8.5.3"]);
    expect(selectionFromScope([{ ref: "80", title: "x" }], ["8"]).size).toBe(0);
  });

  it("orders refs numerically", () => {
    expect(["8.10", "8.2", "10", "8.2.1"].sort(compareRefs)).toEqual(["8.2", "8.2.1", "8.10", "10"]);
  });
});
