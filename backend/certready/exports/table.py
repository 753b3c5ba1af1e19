"""Read models as rows of cells: the one flattening CSV lists and XLSX sheets share.

A list endpoint's item model (``FindingRead``...) becomes one row per item, one column per
field, in the model's order. Nested objects show their human key (``key``, ``ref``,
``name``, ``title``), lists are joined with ``; ``, and every text cell is neutralised
(``neutralise.py``) by the writer.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from certready.exports.neutralise import Cell

LABEL_FIELDS = ("key", "ref", "name", "title", "email", "id")
JOIN = "; "


def columns(model: type[BaseModel]) -> list[str]:
    """The columns of ``model``'s rows: its fields, in declaration order."""
    return list(model.model_fields)


def _label(value: BaseModel) -> Any:
    for name in LABEL_FIELDS:
        label = getattr(value, name, None)
        if label not in (None, ""):
            return label
    return json.dumps(value.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def flat(value: Any) -> Cell:
    """One field's value as a single cell (before neutralisation)."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | str):
        return value
    if isinstance(value, enum.Enum):
        return flat(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, BaseModel):
        return flat(_label(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, Iterable):
        parts = (flat(v) for v in value)
        return JOIN.join("" if p is None else _text(p) for p in parts)
    return str(value)


def _text(value: Cell) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def row(item: BaseModel, names: Sequence[str]) -> list[Cell]:
    """``item``'s cells for the columns ``names``."""
    return [flat(getattr(item, name, None)) for name in names]
