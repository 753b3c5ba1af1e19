import type { IssueKind, PartyKind } from "../../api/gen/types.gen";

export const ISSUE_KIND_LABELS: Record<IssueKind, string> = { internal: "Internal", external: "External" };
export const ISSUE_KIND_OPTIONS = (Object.keys(ISSUE_KIND_LABELS) as IssueKind[]).map((value) => ({ value, label: ISSUE_KIND_LABELS[value] }));

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  customer: "Customer",
  user: "User",
  supplier: "Supplier",
  staff: "Staff",
  regulator: "Regulator",
  owner: "Owner",
  other: "Other",
};
export const PARTY_KIND_OPTIONS = (Object.keys(PARTY_KIND_LABELS) as PartyKind[]).map((value) => ({ value, label: PARTY_KIND_LABELS[value] }));

export const CLIMATE_OPTIONS = [
  { value: "yes", label: "Relevant" },
  { value: "no", label: "Not relevant" },
];

/** Queries a change to the context record makes stale (RDY-03 reads it). */
export const CONTEXT_OPERATIONS = ["contextGetContext", "activityListActivity", "readinessGetReadiness"];
