"""Formula injection (SECURITY.md I4) and the export metadata, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from certready.exports.meta import DataDigest
from certready.exports.neutralise import cell_text, neutralise


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_is_prefixed(start: str) -> None:
    assert neutralise(f'{start}HYPERLINK("https://evil.example")') == (
        f'\'{start}HYPERLINK("https://evil.example")'
    )


def test_plain_text_numbers_and_dates_stay_what_they_are() -> None:
    assert neutralise("Incident procedure") == "Incident procedure"
    assert neutralise("a=b") == "a=b"
    assert neutralise(-3) == -3
    assert neutralise(2.5) == 2.5
    assert neutralise(True) is True
    assert neutralise(None) is None
    assert neutralise(date(2026, 12, 2)) == date(2026, 12, 2)


def test_csv_text_is_iso_and_neutralised() -> None:
    moment = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    assert cell_text(moment) == "2026-12-02T08:00:00+00:00"
    assert cell_text(date(2026, 1, 5)) == "2026-01-05"
    assert cell_text(None) == ""
    assert cell_text(False) == "false"
    assert cell_text("-1+1") == "'-1+1"
    assert cell_text(-1) == "-1"


def test_the_digest_changes_with_the_data() -> None:
    one, same, other = DataDigest(), DataDigest(), DataDigest()
    for digest, title in ((one, "a"), (same, "a"), (other, "b")):
        digest.add("requirements", ["4.1", title, None, date(2026, 1, 1)])
    assert one.hexdigest() == same.hexdigest() != other.hexdigest()
    assert one.rows == 1
