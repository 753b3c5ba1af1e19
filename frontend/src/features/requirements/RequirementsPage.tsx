import { ComingSoon } from "../../components/ComingSoon";

export function RequirementsPage() {
  return (
    <ComingSoon
      title="Requirements"
      description="The ISO/IEC 20000-1 clauses, their implementation status, owners and target dates will be managed here."
    />
  );
}
