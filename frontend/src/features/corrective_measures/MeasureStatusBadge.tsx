import { Badge, type MantineSize } from "@mantine/core";
import type { MeasureStatus } from "../../api/gen/types.gen";
import { MEASURE_STATUS_COLORS, MEASURE_STATUS_LABELS } from "./labels";

export function MeasureStatusBadge({ status, size = "sm" }: { status: MeasureStatus; size?: MantineSize }) {
  return (
    <Badge color={MEASURE_STATUS_COLORS[status]} variant="light" size={size} title={`Status: ${MEASURE_STATUS_LABELS[status]}`}>
      {MEASURE_STATUS_LABELS[status]}
    </Badge>
  );
}
