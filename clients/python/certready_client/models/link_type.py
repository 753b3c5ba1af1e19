from enum import StrEnum


class LinkType(StrEnum):
    AUDIT = "audit"
    EVIDENCE = "evidence"
    FINDING = "finding"
    OBJECTIVE = "objective"

    def __str__(self) -> str:
        return str(self.value)
