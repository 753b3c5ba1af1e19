from enum import StrEnum


class InvitationStatus(StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
