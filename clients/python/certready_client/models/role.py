from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AUDITOR = "auditor"
    EXTERNAL_AUDITOR = "external_auditor"
    PROCESS_OWNER = "process_owner"
    SMS_MANAGER = "sms_manager"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
