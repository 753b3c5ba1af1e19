from enum import StrEnum


class ServiceStatus(StrEnum):
    LIVE = "live"
    PIPELINE = "pipeline"
    RETIRED = "retired"
    RETIRING = "retiring"

    def __str__(self) -> str:
        return str(self.value)
