from enum import StrEnum


class EffectivenessResult(StrEnum):
    EFFECTIVE = "effective"
    NOT_EFFECTIVE = "not_effective"

    def __str__(self) -> str:
        return str(self.value)
