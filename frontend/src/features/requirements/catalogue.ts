import { useQuery } from "@tanstack/react-query";

import { frameworksListFrameworkRequirementsOptions } from "../../api/gen/@tanstack/react-query.gen";

/** The framework every organisation tracks (the catalogue the API ships). */
export const FRAMEWORK = "iso20000-1:2018";

/** A clause of the catalogue with its sub-clauses (the API's `view=tree`). */
export interface ClauseNode {
  ref: string;
  title: string;
  children?: ClauseNode[] | null;
}

/** The clause tree (reference data; it does not change while the app runs). */
export function useClauseTree() {
  return useQuery({
    ...frameworksListFrameworkRequirementsOptions({ path: { framework: FRAMEWORK }, query: { view: "tree" } }),
    staleTime: Infinity,
    select: (catalogue) => catalogue.items as ClauseNode[],
  });
}

/** ref → title for every node of the catalogue (clause headings for grouping). */
export function clauseTitles(roots: readonly ClauseNode[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: ClauseNode) => {
    out.set(n.ref, n.title);
    (n.children ?? []).forEach(walk);
  };
  (roots ?? []).forEach(walk);
  return out;
}
