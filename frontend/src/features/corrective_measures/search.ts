export interface MeasuresSearch {
  /** A finding id: open the "new measure" form with it pre-selected. */
  finding?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateMeasuresSearch(search: Record<string, unknown>): MeasuresSearch {
  return typeof search.finding === "string" && UUID.test(search.finding) ? { finding: search.finding } : {};
}
