from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    sms_manager = "sms_manager"
    process_owner = "process_owner"
    auditor = "auditor"
    external_auditor = "external_auditor"
    viewer = "viewer"
