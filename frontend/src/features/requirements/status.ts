import type { ImplementationStatus } from "../../api/gen/types.gen";

/** Implementation statuses in workflow order. There is no "not applicable" (ISO/IEC 20000-1 allows no exclusions). */
export const STATUSES: readonly ImplementationStatus[] = ["not_started", "planned", "in_progress", "implemented"];

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: "Not started",
  planned: "Planned",
  in_progress: "In progress",
  implemented: "Implemented",
};

export const STATUS_COLORS: Record<ImplementationStatus, string> = {
  not_started: "gray",
  planned: "blue",
  in_progress: "yellow",
  implemented: "teal",
};

export const STATUS_OPTIONS = STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

export function isStatus(value: unknown): value is ImplementationStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function statusLabel(value: ImplementationStatus | null | undefined): string {
  return value ? STATUS_LABELS[value] : "—";
}

/** The `If-Match` value for a row's version (the API's ETag is the quoted version). */
export function etagFor(version: number | null | undefined): string {
  return `"${version ?? 0}"`;
}
