import type { EvidenceKind, EvidenceRead, EvidenceStatus } from "../../api/gen/types.gen";
import { saveDownload } from "../exports/ticket";
import { uploadMultipart, type UploadProgress } from "../../lib/upload";

export const STATUS_LABELS: Record<EvidenceStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
};
export const STATUS_COLORS: Record<EvidenceStatus, string> = {
  draft: "gray",
  in_review: "yellow",
  approved: "teal",
  rejected: "red",
};
export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as EvidenceStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

export const KIND_LABELS: Record<EvidenceKind, string> = {
  policy: "Policy",
  procedure: "Procedure",
  plan: "Plan",
  record: "Record",
  report: "Report",
  ticket_export: "Ticket export",
  screenshot: "Screenshot",
  statement: "Statement",
  other: "Other",
};
export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as EvidenceKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

/** The button for moving to a state. */
export const TRANSITION_LABELS: Record<EvidenceStatus, string> = {
  draft: "Back to draft",
  in_review: "Submit for review",
  approved: "Approve",
  rejected: "Reject",
};

export interface NewEvidence {
  title: string;
  kind: EvidenceKind;
  requirement_refs: string[];
  documented_information_keys: string[];
  /** The owner (user id) and the review date: what document control asks for (RDY-11). */
  owner_id?: string | null;
  valid_until?: string | null;
}

export interface UploadOptions {
  onProgress?: (p: UploadProgress) => void;
  /** Reuse the same key when retrying one upload: a lost answer is replayed, not duplicated. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** POST .../evidence as multipart (metadata + first file), streamed with progress. */
export function uploadNewEvidence(org: string, file: File, meta: NewEvidence, options: UploadOptions = {}): Promise<EvidenceRead> {
  const form = new FormData();
  form.append("title", meta.title);
  form.append("kind", meta.kind);
  form.append("source", "ui");
  for (const ref of meta.requirement_refs) form.append("requirement_refs", ref);
  for (const key of meta.documented_information_keys) form.append("documented_information_keys", key);
  if (meta.owner_id) form.append("owner_id", meta.owner_id);
  if (meta.valid_until) form.append("valid_until", meta.valid_until);
  form.append("file", file, file.name); // last: metadata is read before the file streams in
  return uploadMultipart<EvidenceRead>({
    url: "/api/v1/orgs/{org}/evidence",
    path: { org },
    form,
    headers: { "Idempotency-Key": options.idempotencyKey ?? crypto.randomUUID() },
    onProgress: options.onProgress,
    signal: options.signal,
  });
}

/** POST .../evidence/{id}/versions: a new immutable version. */
export function uploadNewVersion(org: string, evidenceId: string, file: File, options: UploadOptions = {}) {
  const form = new FormData();
  form.append("file", file, file.name);
  return uploadMultipart<unknown>({
    url: "/api/v1/orgs/{org}/evidence/{evidence_id}/versions",
    path: { org, evidence_id: evidenceId },
    form,
    headers: { "Idempotency-Key": options.idempotencyKey ?? crypto.randomUUID() },
    onProgress: options.onProgress,
    signal: options.signal,
  });
}

/** Save a version's file with the browser's own download (a one-time ticket, nothing in memory). */
export async function downloadVersion(org: string, evidenceId: string, number: number) {
  await saveDownload(org, `/api/v1/orgs/${encodeURIComponent(org)}/evidence/${evidenceId}/versions/${number}/content`);
}
