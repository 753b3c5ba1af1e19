import { ComingSoon } from "../../components/ComingSoon";

export function AuditsPage() {
  return (
    <ComingSoon
      title="Audits"
      description="Plan and run internal audits, Stage 1 and Stage 2, with checklists per requirement."
    />
  );
}
