from enum import StrEnum


class DecisionKind(StrEnum):
    IMPROVEMENT = "improvement"
    OTHER = "other"
    RESOURCE_NEED = "resource_need"
    SERVICE_CHANGE = "service_change"
    SMS_CHANGE = "sms_change"

    def __str__(self) -> str:
        return str(self.value)
