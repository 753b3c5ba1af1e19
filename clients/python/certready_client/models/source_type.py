from enum import StrEnum


class SourceType(StrEnum):
    GENERIC = "generic"
    GLPI = "glpi"
    JIRA = "jira"
    SERVICENOW = "servicenow"
    ZAMMAD = "zammad"

    def __str__(self) -> str:
        return str(self.value)
