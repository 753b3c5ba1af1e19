import type { CoverageLine } from "../../api/gen/types.gen";

export type CoverageState = "not_covered" | "conforming" | "nonconforming" | "observation" | "ofi";

export function coverageState(line: Pick<CoverageLine, "audit_id" | "result">): CoverageState {
  if (!line.audit_id || !line.result || line.result === "not_assessed") return "not_covered";
  return line.result;
}

export const COVERAGE_LABELS: Record<CoverageState, string> = {
  not_covered: "Not covered",
  conforming: "Conforming",
  nonconforming: "Nonconforming",
  observation: "Observation",
  ofi: "OFI",
};

export const COVERAGE_COLORS: Record<CoverageState, string> = {
  not_covered: "gray.3",
  conforming: "teal.6",
  nonconforming: "red.6",
  observation: "yellow.5",
  ofi: "blue.5",
};

/** Leaves grouped by top clause, in catalogue order, with the covered count per group. */
export function groupCoverage(items: readonly CoverageLine[]) {
  const groups = new Map<string, CoverageLine[]>();
  for (const item of [...items].sort((a, b) => a.sort_key.localeCompare(b.sort_key))) {
    groups.set(item.root_ref, [...(groups.get(item.root_ref) ?? []), item]);
  }
  return [...groups.entries()].map(([root, lines]) => ({
    root,
    lines,
    covered: lines.filter((l) => coverageState(l) !== "not_covered").length,
  }));
}
