/**
 * Audit scope as a clause tree selection.
 *
 * The picker keeps the set of selected leaf refs; the API takes refs and clause prefixes
 * ("8" covers every 8.x leaf, never 80), so a fully selected clause is sent as its own ref.
 */

import type { ClauseNode } from "../requirements/catalogue";

function kids(node: ClauseNode): ClauseNode[] {
  return node.children ?? [];
}

/** Every leaf ref at or below a node, in tree order. */
export function leafRefs(node: ClauseNode): string[] {
  const children = kids(node);
  if (children.length === 0) return [node.ref];
  return children.flatMap(leafRefs);
}

export type CheckState = "all" | "some" | "none";

export function checkState(node: ClauseNode, selected: ReadonlySet<string>): CheckState {
  const leaves = leafRefs(node);
  const hits = leaves.filter((r) => selected.has(r)).length;
  if (hits === 0) return "none";
  return hits === leaves.length ? "all" : "some";
}

/** The shortest list of refs / clause prefixes that covers exactly the selected leaves. */
export function scopeFromSelection(roots: readonly ClauseNode[], selected: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (node: ClauseNode) => {
    const state = checkState(node, selected);
    if (state === "none") return;
    if (state === "all") {
      out.push(node.ref);
      return;
    }
    kids(node).forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** "8.5.1.2" → ["8", "8.5", "8.5.1", "8.5.1.2"] */
export function refPrefixes(ref: string): string[] {
  const parts = ref.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join("."));
}

/** The leaf refs a scope (refs and prefixes) covers. */
export function selectionFromScope(roots: readonly ClauseNode[], scope: readonly string[]): Set<string> {
  const wanted = new Set(scope);
  return new Set(roots.flatMap(leafRefs).filter((ref) => refPrefixes(ref).some((p) => wanted.has(p))));
}

/** Toggle a node: select all its leaves unless all are selected already. */
export function toggleNode(node: ClauseNode, selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  const leaves = leafRefs(node);
  if (checkState(node, selected) === "all") leaves.forEach((r) => next.delete(r));
  else leaves.forEach((r) => next.add(r));
  return next;
}

/** Compare clause refs numerically ("8.10" after "8.9"). */
export function compareRefs(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
