import type { CellState } from "../../api/gen/types.gen";
import type { ApiProblem } from "../../lib/problem";

export const CELL_LABELS: Record<CellState, string> = {
  ok: "OK",
  expiring: "Expiring",
  expired: "Expired",
  missing: "Missing",
};

export const CELL_COLORS: Record<CellState, string> = {
  ok: "teal",
  expiring: "yellow",
  expired: "red",
  missing: "gray",
};

/** Every role key in use (people's roles and competence requirements), sorted, once each. */
export function roleOptions(people: readonly { effective_role_keys: string[] }[], requirements: readonly { role_key: string }[]): string[] {
  return [...new Set([...people.flatMap((p) => p.effective_role_keys), ...requirements.map((r) => r.role_key)])].sort((a, b) => a.localeCompare(b));
}

export interface CsvRowError {
  line: number | null;
  column: string;
  message: string;
}

/** The per-row errors of a refused CSV import (422 with `loc: ["body", line, column]`). */
export function csvRowErrors(problem: ApiProblem): CsvRowError[] {
  return problem.errors
    .map((e) => {
      const [, line, column] = e.loc;
      return {
        line: typeof line === "number" ? line : null,
        column: typeof column === "string" ? column : typeof line === "string" ? line : "",
        message: e.msg,
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** "12 Jan 2027" style expiry hint for a cell's tooltip. */
export function cellTitle(state: CellState, course: string, requiredBy: readonly string[], expiresOn: string | null): string {
  const why = requiredBy.length ? ` (required by ${requiredBy.join(", ")})` : "";
  const expiry = expiresOn ? `, expires ${expiresOn}` : "";
  return `${course}: ${CELL_LABELS[state]}${expiry}${why}`;
}
