import type { RecordKind, RecordPriority, SampleDraw, SampleFilters } from "../../api/gen/types.gen";
import { KIND_LABELS, PRIORITY_LABELS } from "../itsm/labels";

/** The clause each kind of ITSM record is evidence for (backend `KIND_CLAUSES`). */
export const KIND_CLAUSES: Record<RecordKind, string | null> = {
  incident: "8.6.1",
  service_request: "8.6.2",
  problem: "8.6.3",
  known_error: "8.6.3",
  change: "8.5.1",
  release: "8.5.3",
  other: null,
};

/** The kinds of record a line's population may hold (the API answers 422 for the others). */
export function kindsFor(clauses: readonly string[]): RecordKind[] {
  return (Object.keys(KIND_CLAUSES) as RecordKind[]).filter((k) => {
    const clause = KIND_CLAUSES[k];
    return clause !== null && clauses.includes(clause);
  });
}

/** The drawer's filter fields as edited (empty: no filter). */
export interface SampleForm {
  service_key: string;
  kind: RecordKind | null;
  priority: RecordPriority | null;
  opened_from: string | null;
  opened_to: string | null;
}

export const EMPTY_FORM: SampleForm = { service_key: "", kind: null, priority: null, opened_from: null, opened_to: null };

/** The form showing the filters a sample was drawn with. */
export function formFromFilters(filters: SampleFilters): SampleForm {
  return {
    service_key: filters.service_key ?? "",
    kind: filters.kind ?? null,
    priority: filters.priority ?? null,
    opened_from: filters.opened_from ?? null,
    opened_to: filters.opened_to ?? null,
  };
}

/** The filters the API takes: only those set (a blank service is no filter). */
export function filtersFromForm(form: SampleForm): SampleFilters {
  const out: SampleFilters = {};
  const service = form.service_key.trim();
  if (service) out.service_key = service;
  if (form.kind) out.kind = form.kind;
  if (form.priority) out.priority = form.priority;
  if (form.opened_from) out.opened_from = form.opened_from;
  if (form.opened_to) out.opened_to = form.opened_to;
  return out;
}

const FILTER_KEYS = ["service_key", "kind", "priority", "opened_from", "opened_to"] as const;

/** Whether two sets of filters select the same population (unset and null are the same). */
export function sameFilters(a: SampleFilters, b: SampleFilters): boolean {
  return FILTER_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** "1 record", "5 records". */
export function records(n: number): string {
  return `${n} ${n === 1 ? "record" : "records"}`;
}

/** The filters in words, for the drawn sample's summary. */
export function describeFilters(filters: SampleFilters): string {
  const parts: string[] = [];
  if (filters.kind) parts.push(KIND_LABELS[filters.kind]);
  if (filters.priority) parts.push(`priority ${PRIORITY_LABELS[filters.priority].toLowerCase()}`);
  if (filters.service_key) parts.push(`service ${filters.service_key}`);
  if (filters.opened_from && filters.opened_to) parts.push(`opened ${filters.opened_from} to ${filters.opened_to}`);
  else if (filters.opened_from) parts.push(`opened from ${filters.opened_from}`);
  else if (filters.opened_to) parts.push(`opened until ${filters.opened_to}`);
  return parts.length ? parts.join(", ") : "no filter";
}

/** A whole number from a number input, or null when blank or not one. */
function wholeOrNull(value: number | string): number | null {
  if (value === "" || value === null) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) ? n : null;
}

/** The draw request: the filters, and size and seed only when given (the API picks the
 * suggested size and a new random seed otherwise). */
export function drawBody(form: SampleForm, size: number | string, seed: number | string): SampleDraw {
  const body: SampleDraw = filtersFromForm(form);
  const s = wholeOrNull(size);
  const d = wholeOrNull(seed);
  if (s !== null) body.size = s;
  if (d !== null) body.seed = d;
  return body;
}
