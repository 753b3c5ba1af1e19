from enum import StrEnum


class TestResult(StrEnum):
    passed = "passed"
    passed_with_issues = "passed_with_issues"
    failed = "failed"
