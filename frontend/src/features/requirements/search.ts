import type { ImplementationStatus } from "../../api/gen/types.gen";
import { isStatus } from "./status";

/** The requirements page's filters, kept in the URL so a reload or a shared link keeps them. */
export interface RequirementsSearch {
  clause?: string;
  status?: ImplementationStatus[];
  owner?: string;
  not_occurring?: boolean;
  q?: string;
}

const REF = /^\d+(\.\d+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asString(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** Keep only well-formed filters; anything else in the URL is dropped rather than sent to the API. */
export function validateRequirementsSearch(search: Record<string, unknown>): RequirementsSearch {
  const out: RequirementsSearch = {};
  const clause = asString(search.clause);
  if (clause && REF.test(clause)) out.clause = clause;
  const rawStatus = Array.isArray(search.status) ? search.status : search.status === undefined ? [] : [search.status];
  const status = [...new Set(rawStatus.filter(isStatus))];
  if (status.length > 0) out.status = status;
  const owner = asString(search.owner);
  if (owner && UUID.test(owner)) out.owner = owner;
  if (search.not_occurring === true || search.not_occurring === "true") out.not_occurring = true;
  else if (search.not_occurring === false || search.not_occurring === "false") out.not_occurring = false;
  const q = asString(search.q);
  if (q) out.q = q.slice(0, 200);
  return out;
}

export function hasFilters(search: RequirementsSearch): boolean {
  return Object.values(search).some((v) => v !== undefined);
}
