from enum import StrEnum


class InvitationStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    revoked = "revoked"
    superseded = "superseded"  # a newer invitation for the same address replaced it


class Delivery(StrEnum):
    email = "email"  # sent to the address; the token is never shown
    link = "link"  # no mail configured: the admin gets the link once and hands it on
