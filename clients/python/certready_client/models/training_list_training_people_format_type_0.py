from enum import StrEnum


class TrainingListTrainingPeopleFormatType0(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
