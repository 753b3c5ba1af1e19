import { ComingSoon } from "../../components/ComingSoon";

export function TrainingPage() {
  return (
    <ComingSoon
      title="Training"
      description="Courses, required roles and completion records with expiry."
    />
  );
}
