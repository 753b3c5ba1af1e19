import { ComingSoon } from "../../components/ComingSoon";

export function EvidencePage() {
  return (
    <ComingSoon
      title="Evidence"
      description="Documents, records and exports that prove each requirement is met, with immutable versions."
    />
  );
}
