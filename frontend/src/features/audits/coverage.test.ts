import { describe, expect, it } from "vitest";
import type { CoverageLine } from "../../api/gen/types.gen";
import { coverageState, groupCoverage } from "./coverage";

const line = (ref: string, sort: string, result: CoverageLine["result"], audit: string | null): CoverageLine => ({
  ref,
  title: ref,
  root_ref: ref.split(".")[0]!,
  sort_key: sort,
  audit_id: audit,
  audit_key: audit ? "A-1" : null,
  result,
  assessed_at: null,
  assessed_on: null,
});

describe("coverage", () => {
  it("colours by last result, not covered without an audit", () => {
    expect(coverageState(line("8.1", "a", "nonconforming", "x"))).toBe("nonconforming");
    expect(coverageState(line("8.1", "a", null, null))).toBe("not_covered");
  });

  it("groups leaves by top clause in sort order and counts covered ones", () => {
    const groups = groupCoverage([
      line("8.2", "0008.0002", "conforming", "x"),
      line("4.1", "0004.0001", null, null),
      line("8.1", "0008.0001", null, null),
    ]);
    expect(groups.map((g) => [g.root, g.lines.map((l) => l.ref), g.covered])).toEqual([
      ["4", ["4.1"], 0],
      ["8", ["8.1", "8.2"], 1],
    ]);
  });
});
