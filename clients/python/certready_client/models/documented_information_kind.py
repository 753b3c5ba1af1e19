from enum import StrEnum


class DocumentedInformationKind(StrEnum):
    DOCUMENT = "document"
    RECORD = "record"

    def __str__(self) -> str:
        return str(self.value)
