from enum import StrEnum


class TestResult(StrEnum):
    FAILED = "failed"
    PASSED = "passed"
    PASSED_WITH_ISSUES = "passed_with_issues"

    def __str__(self) -> str:
        return str(self.value)
