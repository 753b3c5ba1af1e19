"""CSV import of completion records: read the body (text/csv or multipart), parse rows.

Columns (header row required, any order): ``email``, ``course`` (exact title or id),
``completed_on`` (YYYY-MM-DD), optionally ``evaluation_method`` and
``evaluation_result``. Errors name the line of the file (the header is line 1) and
the column: ``loc = ["body", line, column]``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from certready.core.problems import PayloadTooLarge, Unprocessable, UnsupportedMediaType
from certready.training.enums import EvaluationMethod

MAX_BYTES = 1024 * 1024
MAX_ROWS = 10_000
MAX_ERRORS = 200
REQUIRED_COLUMNS = ("email", "course", "completed_on")
OPTIONAL_COLUMNS = ("evaluation_method", "evaluation_result")
CSV_MEDIA_TYPES = frozenset({"text/csv", "application/csv", "text/plain"})


@dataclass
class CsvRow:
    line: int
    email: str
    course: str
    completed_on: date
    evaluation_method: EvaluationMethod | None
    evaluation_result: str | None


def row_error(line: int, column: str, msg: str) -> dict[str, Any]:
    """An error naming the file's line and column."""
    return {"loc": ["body", line, column], "msg": msg, "type": "value_error"}


def refuse(errors: list[dict[str, Any]]) -> Unprocessable:
    """The 422 refusing the whole file, with the first errors."""
    shown = errors[:MAX_ERRORS]
    return Unprocessable(
        f"{len(errors)} problem(s) in the file; nothing was imported.", errors=shown
    )


async def read_csv(request: Request) -> str:
    """The CSV text of a ``text/csv`` body or of the ``file`` part of a multipart form."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise Unprocessable("Send the CSV as the form field 'file'.", loc=["body", "file"])
        raw = await upload.read(MAX_BYTES + 1)
        await form.close()
    elif media_type in CSV_MEDIA_TYPES:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BYTES:
                raise PayloadTooLarge(f"The CSV file exceeds {MAX_BYTES} bytes.")
            chunks.append(chunk)
        raw = b"".join(chunks)
    else:
        raise UnsupportedMediaType("Send text/csv, or multipart/form-data with a 'file' field.")
    if len(raw) > MAX_BYTES:
        raise PayloadTooLarge(f"The CSV file exceeds {MAX_BYTES} bytes.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unprocessable("The CSV file must be UTF-8.", loc=["body"]) from exc


def parse(text: str) -> list[CsvRow]:
    """Rows of the file; a 422 listing every bad cell when any is wrong."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise Unprocessable("The CSV file is empty.", loc=["body"]) from None
    except csv.Error as exc:
        raise Unprocessable(f"Not a CSV file: {exc}.", loc=["body", 1]) from None
    errors = [
        row_error(1, name, "Unknown column.")
        for name in header
        if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    ]
    errors += [
        row_error(1, name, "Missing column.") for name in REQUIRED_COLUMNS if name not in header
    ]
    if len(set(header)) != len(header):
        errors.append(row_error(1, "header", "A column appears twice."))
    if errors:
        raise refuse(errors)
    rows: list[CsvRow] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise refuse([row_error(line, "row", f"More than {MAX_ROWS} rows.")])
            if len(cells) != len(header):
                errors.append(
                    row_error(line, "row", f"Expected {len(header)} cells, got {len(cells)}.")
                )
                continue
            parsed = _row(line, dict(zip(header, (c.strip() for c in cells), strict=True)), errors)
            if parsed is not None:
                rows.append(parsed)
    except csv.Error as exc:
        errors.append(row_error(reader.line_num, "row", f"Not valid CSV: {exc}."))
    if errors:
        raise refuse(errors)
    if not rows:
        raise Unprocessable("The CSV file has no data rows.", loc=["body"])
    return rows


def _row(line: int, values: dict[str, str], errors: list[dict[str, Any]]) -> CsvRow | None:
    found = len(errors)
    for name in REQUIRED_COLUMNS:
        if not values.get(name):
            errors.append(row_error(line, name, "Required."))
    completed: date | None = None
    if values.get("completed_on"):
        try:
            completed = date.fromisoformat(values["completed_on"])
        except ValueError:
            errors.append(row_error(line, "completed_on", "Not a date (YYYY-MM-DD)."))
    method: EvaluationMethod | None = None
    if values.get("evaluation_method"):
        try:
            method = EvaluationMethod(values["evaluation_method"].lower())
        except ValueError:
            allowed = ", ".join(m.value for m in EvaluationMethod)
            errors.append(row_error(line, "evaluation_method", f"One of: {allowed}."))
    result = values.get("evaluation_result") or None
    if result is not None and len(result) > 2000:
        errors.append(row_error(line, "evaluation_result", "At most 2000 characters."))
    if bool(values.get("evaluation_method")) != bool(result):
        column = "evaluation_result" if result is None else "evaluation_method"
        errors.append(row_error(line, column, "Give both evaluation columns, or neither."))
    if len(errors) > found or completed is None:
        return None
    return CsvRow(
        line=line,
        email=values["email"].lower(),
        course=values["course"],
        completed_on=completed,
        evaluation_method=method,
        evaluation_result=result,
    )
