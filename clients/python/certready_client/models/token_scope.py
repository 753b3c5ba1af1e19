from enum import StrEnum


class TokenScope(StrEnum):
    EVIDENCEREAD = "evidence:read"
    EVIDENCEWRITE = "evidence:write"
    READ = "read"

    def __str__(self) -> str:
        return str(self.value)
