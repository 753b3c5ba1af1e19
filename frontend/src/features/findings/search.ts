import type { FindingGrade } from "../../api/gen/types.gen";
import { GRADE_LABELS } from "./labels";

/** The findings page's URL parameters: `?grade=ofi` (a readiness fix link) opens it filtered to that grade. */
export interface FindingsSearch {
  grade?: FindingGrade;
}

export function validateFindingsSearch(search: Record<string, unknown>): FindingsSearch {
  const grade = search.grade;
  return typeof grade === "string" && grade in GRADE_LABELS ? { grade: grade as FindingGrade } : {};
}
