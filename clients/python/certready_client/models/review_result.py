from enum import StrEnum


class ReviewResult(StrEnum):
    NEEDS_IMPROVEMENT = "needs_improvement"
    SATISFACTORY = "satisfactory"
    UNSATISFACTORY = "unsatisfactory"

    def __str__(self) -> str:
        return str(self.value)
