import type { ImplementationStatus } from "../../api/gen/types.gen";

/** The fields of a requirement the tree needs (list rows and catalogue nodes both have them). */
export interface TreeInput {
  ref: string;
  title: string;
  parent_ref: string | null;
  depth: number;
  assessable: boolean;
  status?: ImplementationStatus | null;
}

export type StatusCounts = Record<ImplementationStatus, number> & { total: number };

export interface TreeNode<T extends TreeInput> {
  ref: string;
  title: string;
  depth: number;
  /** The requirement row, for assessable leaves. */
  row: T | undefined;
  children: TreeNode<T>[];
  /** Status counts over the assessable rows below (and including) this node. */
  counts: StatusCounts;
  /** Refs of the assessable rows below (and including) this node, in clause order. */
  leafRefs: string[];
}

/** Clause order: 8.2 < 8.10, 8.5 < 8.5.1. */
export function compareRefs(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

export function emptyCounts(): StatusCounts {
  return { total: 0, not_started: 0, planned: 0, in_progress: 0, implemented: 0 };
}

/**
 * Build the clause tree from the grouping clauses (titles only) and the requirement rows that
 * match the current filters. Groups without a matching row below them are left out, so a filter
 * shows only the branches it hits. Returns the top clauses (4 to 10) in clause order.
 */
export function buildTree<T extends TreeInput>(groups: readonly TreeInput[], rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  const parents = new Map<string, string | null>();
  const node = (ref: string, title: string, depth: number): TreeNode<T> => {
    let n = nodes.get(ref);
    if (!n) {
      n = { ref, title, depth, row: undefined, children: [], counts: emptyCounts(), leafRefs: [] };
      nodes.set(ref, n);
    }
    return n;
  };
  for (const g of groups) parents.set(g.ref, g.parent_ref);
  for (const r of rows) parents.set(r.ref, r.parent_ref);
  const groupByRef = new Map(groups.map((g) => [g.ref, g]));

  const attached = new Set<string>();
  for (const row of [...rows].sort((a, b) => compareRefs(a.ref, b.ref))) {
    const leaf = node(row.ref, row.title, row.depth);
    leaf.row = row;
    // Walk up to the root, creating the groups on the way and counting the row in each.
    let current: TreeNode<T> = leaf;
    let parentRef = row.parent_ref;
    const count = (n: TreeNode<T>) => {
      n.counts.total += 1;
      if (row.status) n.counts[row.status] += 1;
      n.leafRefs.push(row.ref);
    };
    count(leaf);
    while (parentRef) {
      const g = groupByRef.get(parentRef);
      const parent = node(parentRef, g?.title ?? parentRef, g?.depth ?? current.depth - 1);
      const key = `${parent.ref}>${current.ref}`;
      if (!attached.has(key)) {
        attached.add(key);
        parent.children.push(current);
      }
      count(parent);
      current = parent;
      parentRef = parents.get(parentRef) ?? null;
    }
    attached.add(`root>${current.ref}`);
  }
  const roots = [...nodes.values()].filter((n) => attached.has(`root>${n.ref}`));
  const sortDeep = (list: TreeNode<T>[]) => {
    list.sort((a, b) => compareRefs(a.ref, b.ref));
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

/** Percentage of implemented rows (0 when empty). */
export function percentDone(counts: { total: number; implemented: number }): number {
  return counts.total ? Math.round((counts.implemented / counts.total) * 100) : 0;
}
