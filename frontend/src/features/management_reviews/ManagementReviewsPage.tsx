import { ComingSoon } from "../../components/ComingSoon";

export function ManagementReviewsPage() {
  return (
    <ComingSoon
      title="Management reviews"
      description="Management review meetings, the clause 9.3 inputs covered, decisions and actions."
    />
  );
}
