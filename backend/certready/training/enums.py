from enum import StrEnum


class CourseKind(StrEnum):
    # Awareness courses are required of everyone in scope (7.3); role courses only of the
    # holders of the roles that require them (7.2).
    awareness = "awareness"
    role = "role"


class EvaluationMethod(StrEnum):
    """How the effectiveness of a training was evaluated (7.2, RDY-17)."""

    quiz = "quiz"
    assessment = "assessment"
    supervisor_sign_off = "supervisor_sign_off"
    observation = "observation"
    other = "other"


class CellState(StrEnum):
    ok = "ok"
    expiring = "expiring"
    expired = "expired"
    missing = "missing"
