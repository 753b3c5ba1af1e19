import type { AgreementStatus, AgreementType, ReviewResult, SupplierKind } from "../../api/gen/types.gen";

export const KIND_LABELS: Record<SupplierKind, string> = {
  external: "External supplier",
  internal: "Internal supplier",
  customer_as_supplier: "Customer acting as a supplier",
};
export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as SupplierKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export const TYPE_LABELS: Record<AgreementType, string> = {
  sla: "SLA",
  contract: "Contract",
  ola_internal_agreement: "OLA / internal agreement",
};
export const TYPE_OPTIONS = (Object.keys(TYPE_LABELS) as AgreementType[]).map((value) => ({ value, label: TYPE_LABELS[value] }));

export const AGREEMENT_STATUS_OPTIONS: { value: AgreementStatus; label: string }[] = [
  { value: "draft", label: "Draft" },
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
  { value: "terminated", label: "Terminated" },
];

export const RESULT_LABELS: Record<ReviewResult, string> = {
  satisfactory: "Satisfactory",
  needs_improvement: "Needs improvement",
  unsatisfactory: "Unsatisfactory",
};
