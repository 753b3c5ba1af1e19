import { describe, expect, it } from "vitest";
import { buildTree, compareRefs, percentDone, type TreeInput } from "./tree";

const groups: TreeInput[] = [
  { ref: "8", title: "Operation", parent_ref: null, depth: 1, assessable: false },
  { ref: "8.5", title: "Design", parent_ref: "8", depth: 2, assessable: false },
  { ref: "8.5.1", title: "Change", parent_ref: "8.5", depth: 3, assessable: false },
  { ref: "8.6", title: "Resolution", parent_ref: "8", depth: 2, assessable: false },
  { ref: "9", title: "Performance", parent_ref: null, depth: 1, assessable: false },
];

const row = (ref: string, parent: string, status: TreeInput["status"]): TreeInput => ({
  ref,
  title: `R ${ref}`,
  parent_ref: parent,
  depth: ref.split(".").length,
  assessable: true,
  status,
});

describe("compareRefs", () => {
  it("orders clause numbers numerically", () => {
    expect(["8.10", "8.2", "8.5.1", "8.5", "10", "9"].sort(compareRefs)).toEqual(["8.2", "8.5", "8.5.1", "8.10", "9", "10"]);
  });
});

describe("buildTree", () => {
  it("nests rows under their clauses and counts statuses on every level", () => {
    const rows = [
      row("8.6.2", "8.6", "in_progress"),
      row("8.5.1.1", "8.5.1", "implemented"),
      row("8.6.1", "8.6", "implemented"),
      row("8.1", "8", "not_started"),
    ];
    const tree = buildTree(groups, rows);
    expect(tree.map((n) => n.ref)).toEqual(["8"]); // clause 9 has no matching row
    const [eight] = tree;
    expect(eight?.children.map((n) => n.ref)).toEqual(["8.1", "8.5", "8.6"]);
    expect(eight?.counts).toMatchObject({ total: 4, implemented: 2, in_progress: 1, not_started: 1 });
    expect(eight?.leafRefs).toEqual(["8.1", "8.5.1.1", "8.6.1", "8.6.2"]);
    const design = eight?.children[1];
    expect(design?.title).toBe("Design");
    expect(design?.children[0]?.ref).toBe("8.5.1");
    expect(design?.children[0]?.children[0]?.row?.ref).toBe("8.5.1.1");
    expect(eight?.children[2]?.children.map((n) => n.ref)).toEqual(["8.6.1", "8.6.2"]);
  });

  it("is empty when nothing matches", () => {
    expect(buildTree(groups, [])).toEqual([]);
  });
});

describe("percentDone", () => {
  it("rounds and survives empty clauses", () => {
    expect(percentDone({ total: 3, implemented: 1 })).toBe(33);
    expect(percentDone({ total: 0, implemented: 0 })).toBe(0);
  });
});
