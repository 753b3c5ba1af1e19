from enum import StrEnum


class TokenScope(StrEnum):
    """What a token may do, on top of its creator's role in the organisation.

    ``read`` covers every read action; ``X:write`` implies ``X:read``.
    """

    read = "read"
    evidence_read = "evidence:read"
    evidence_write = "evidence:write"
