from enum import StrEnum


class RootCauseMethod(StrEnum):
    FISHBONE = "fishbone"
    FIVE_WHYS = "five_whys"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
