from enum import StrEnum


class EvaluationMethod(StrEnum):
    ASSESSMENT = "assessment"
    OBSERVATION = "observation"
    OTHER = "other"
    QUIZ = "quiz"
    SUPERVISOR_SIGN_OFF = "supervisor_sign_off"

    def __str__(self) -> str:
        return str(self.value)
