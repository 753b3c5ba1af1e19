import type { DecisionKind, ReviewStatus } from "../../api/gen/types.gen";

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  planned: "Planned",
  held: "Held",
  minutes_approved: "Minutes approved",
  cancelled: "Cancelled",
};

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string> = {
  planned: "blue",
  held: "orange",
  minutes_approved: "teal",
  cancelled: "gray",
};

export const REVIEW_TRANSITION_LABELS: Record<ReviewStatus, string> = {
  planned: "Back to planned",
  held: "Mark held",
  minutes_approved: "Approve minutes",
  cancelled: "Cancel review",
};

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  improvement: "Improvement",
  sms_change: "Change to the SMS",
  service_change: "Change to the services",
  resource_need: "Resource need",
  other: "Other",
};

export const DECISION_OPTIONS = (Object.keys(DECISION_KIND_LABELS) as DecisionKind[]).map((value) => ({ value, label: DECISION_KIND_LABELS[value] }));
