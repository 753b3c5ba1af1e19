import { ComingSoon } from "../../components/ComingSoon";

export function FindingsPage() {
  return (
    <ComingSoon
      title="Findings"
      description="Nonconformities, observations and opportunities for improvement raised in audits."
    />
  );
}
