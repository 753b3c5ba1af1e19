import { Badge } from "@mantine/core";
import type { FindingGrade, FindingStatus } from "../../api/gen/types.gen";
import { FINDING_STATUS_COLORS, FINDING_STATUS_LABELS, GRADE_COLORS, GRADE_LABELS } from "./labels";

export function GradeBadge({ grade, size = "sm" }: { grade: FindingGrade; size?: "xs" | "sm" | "md" }) {
  return (
    <Badge color={GRADE_COLORS[grade]} variant={grade === "major_nc" ? "filled" : "light"} size={size}>
      {GRADE_LABELS[grade]}
    </Badge>
  );
}

export function FindingStatusBadge({ status, size = "sm" }: { status: FindingStatus; size?: "xs" | "sm" | "md" }) {
  return (
    <Badge color={FINDING_STATUS_COLORS[status]} variant="outline" size={size}>
      {FINDING_STATUS_LABELS[status]}
    </Badge>
  );
}
