"""XLSX sheets written row by row (XlsxWriter ``constant_memory``): what every XLSX export shares.

A sheet is declared as columns (header, width, kind, the allowed values of a status column);
``Sheet.rows`` writes cells in order and feeds each row to the export's ``DataDigest``, so
the digest describes exactly what the file holds. Every sheet gets a frozen header row, an
autofilter over its data, a list validation on its status columns and real Excel dates.

Text never becomes a formula: every text cell is written as a string, and text that a
spreadsheet would read as a formula (``neutralise.formula_like``) is marked with Excel's own
quote prefix (``quotePrefix``, what typing ``'`` does), so ``=HYPERLINK(...)`` reads back as
that same text and stays text when someone edits the cell. In CSV the ``'`` is written into
the data instead (``neutralise.cell_text``): there is no cell style to carry it.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import IO, Any, Literal

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from certready.exports.meta import DataDigest
from certready.exports.neutralise import formula_like

Kind = Literal["text", "date", "datetime", "number", "bool"]
# Excel's limit for one cell's text.
MAX_CELL_TEXT = 32767
# Excel's limit for the rows of a sheet (the header is one).
MAX_ROWS = 1_048_575
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


@dataclass(frozen=True)
class Column:
    """One column: its header, width (characters), kind and, for status columns, the values."""

    header: str
    width: float = 16
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    wrap: bool = False
    # human keys of a group ("F-3; F-12"), sorted before writing
    keys: bool = False


def choices(enum_type: type[enum.Enum]) -> tuple[str, ...]:
    """An enum's values, for a status column's list validation."""
    return tuple(str(m.value) for m in enum_type)


def _plain(value: Any) -> Any:
    if value.__class__ is str:
        return value or None  # "": an empty cell, in the file and in the digest alike
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


class Book:
    """One workbook in ``constant_memory`` mode, written into ``out`` when closed."""

    def __init__(self, out: IO[bytes], digest: DataDigest) -> None:
        self.digest = digest
        self._book = xlsxwriter.Workbook(
            out, {"constant_memory": True, "strings_to_formulas": False}
        )
        add = self._book.add_format
        self.header = add({"bold": True, "bg_color": "#DDE4EE", "border": 1, "text_wrap": True})
        self.text = add({"valign": "top"})
        self.wrapped = add({"valign": "top", "text_wrap": True})
        self.quoted = add({"valign": "top", "quote_prefix": True})
        self.quoted_wrapped = add({"valign": "top", "text_wrap": True, "quote_prefix": True})
        self.date = add({"valign": "top", "num_format": DATE_FORMAT})
        self.datetime = add({"valign": "top", "num_format": DATETIME_FORMAT})

    def sheet(self, name: str, columns: Sequence[Column], *, digested: bool = True) -> Sheet:
        """A new sheet; its rows go into the digest unless ``digested`` is false (metadata)."""
        return Sheet(self, self._book.add_worksheet(name), name, columns, digested)

    def close(self) -> None:
        self._book.close()


class Sheet:
    """A sheet's header, then its rows in order; ``finish`` adds the filter and validations."""

    def __init__(
        self, book: Book, ws: Worksheet, name: str, columns: Sequence[Column], digested: bool
    ) -> None:
        self.book, self.ws, self.name, self.columns = book, ws, name, list(columns)
        self.digested = digested
        self.next_row = 1
        for i, column in enumerate(self.columns):
            ws.set_column(i, i, column.width)
            ws.write_string(0, i, column.header, book.header)
        ws.freeze_panes(1, 0)

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.row(values)

    def row(self, values: Sequence[Any]) -> None:
        """One data row; ``values`` in column order (None: an empty cell)."""
        if self.next_row > MAX_ROWS:
            raise ValueError(f"sheet {self.name!r} is over Excel's row limit")
        plain = [_plain(v) for v in values]
        if self.digested:
            self.book.digest.add(self.name, plain)
        for i, (column, value) in enumerate(zip(self.columns, plain, strict=True)):
            self._cell(self.next_row, i, column, value)
        self.next_row += 1

    def _cell(self, r: int, c: int, column: Column, value: Any) -> None:
        book, ws = self.book, self.ws
        if value is None:
            return
        if isinstance(value, str):  # the common case first
            if len(value) > MAX_CELL_TEXT:
                value = value[: MAX_CELL_TEXT - 1] + "…"
            if formula_like(value):
                fmt = book.quoted_wrapped if column.wrap else book.quoted
            else:
                fmt = book.wrapped if column.wrap else book.text
            ws.write_string(r, c, value, fmt)
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value, book.text)
        elif isinstance(value, datetime):
            # Excel has no time zones: UTC, as every timestamp in Certready
            moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
            ws.write_datetime(r, c, moment, book.datetime)
        elif isinstance(value, date):
            ws.write_datetime(r, c, value, book.date)
        elif isinstance(value, int | float):
            ws.write_number(r, c, value, book.text)
        else:
            ws.write_string(r, c, str(value)[:MAX_CELL_TEXT], book.text)

    def finish(self) -> None:
        """Autofilter over the header and data; list validation on the status columns."""
        last = max(self.next_row - 1, 1)
        self.ws.autofilter(0, 0, last, len(self.columns) - 1)
        for i, column in enumerate(self.columns):
            if column.choices:
                self.ws.data_validation(
                    1,
                    i,
                    last,
                    i,
                    {
                        "validate": "list",
                        "source": list(column.choices),
                        "error_type": "warning",
                        "error_message": "One of: " + ", ".join(column.choices),
                    },
                )
