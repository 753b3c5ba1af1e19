import { ComingSoon } from "../../components/ComingSoon";

export function ObjectivesPage() {
  return (
    <ComingSoon
      title="Objectives"
      description="SMS objectives with their metrics, targets and measured values."
    />
  );
}
