/** The evidence page's URL parameters: `?fulfils=D8` (from a readiness fix link) prepares an upload for that document. */
export interface EvidenceSearch {
  fulfils?: string;
}

const KEY = /^[A-Z]{1,3}\d{1,3}$/;

export function validateEvidenceSearch(search: Record<string, unknown>): EvidenceSearch {
  const fulfils = typeof search.fulfils === "string" ? search.fulfils.trim().toUpperCase() : "";
  return KEY.test(fulfils) ? { fulfils } : {};
}
