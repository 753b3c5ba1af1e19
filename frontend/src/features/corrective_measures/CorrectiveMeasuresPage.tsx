import { ComingSoon } from "../../components/ComingSoon";

export function CorrectiveMeasuresPage() {
  return (
    <ComingSoon
      title="Corrective measures"
      description="Corrections, root causes, actions and effectiveness reviews for nonconformities."
    />
  );
}
