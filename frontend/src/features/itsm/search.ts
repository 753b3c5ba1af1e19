/** The ITSM records page's URL parameters: `?record=<id>` (a sample drawer's link) opens that record's drawer. */
export interface ItsmRecordsSearch {
  record?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateItsmRecordsSearch(search: Record<string, unknown>): ItsmRecordsSearch {
  const record = search.record;
  return typeof record === "string" && UUID.test(record) ? { record: record.toLowerCase() } : {};
}
