from enum import StrEnum


class CourseKind(StrEnum):
    AWARENESS = "awareness"
    ROLE = "role"

    def __str__(self) -> str:
        return str(self.value)
