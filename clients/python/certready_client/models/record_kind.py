from enum import StrEnum


class RecordKind(StrEnum):
    CHANGE = "change"
    INCIDENT = "incident"
    KNOWN_ERROR = "known_error"
    OTHER = "other"
    PROBLEM = "problem"
    RELEASE = "release"
    SERVICE_REQUEST = "service_request"

    def __str__(self) -> str:
        return str(self.value)
