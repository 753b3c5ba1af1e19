from enum import StrEnum


class FindingGrade(StrEnum):
    AREA_OF_CONCERN = "area_of_concern"
    MAJOR_NC = "major_nc"
    MINOR_NC = "minor_nc"
    OBSERVATION = "observation"
    OFI = "ofi"

    def __str__(self) -> str:
        return str(self.value)
