"""The register sheets: name, the statement that feeds it and its columns, in tab order.

The statements (``registers.repository``) select exactly these columns in this order. A
status column lists its enum's values (Excel's list validation); ``keys`` columns hold
human keys (``F-3; F-12``) that are sorted here, since SQL gives a group in no set order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from certready.agreements.enums import AgreementStatus, AgreementType
from certready.audits.enums import AuditStatus, AuditType, ChecklistResult
from certready.corrective_measures.enums import EffectivenessResult, MeasureStatus
from certready.evidence.enums import EvidenceKind, EvidenceStatus
from certready.exports.xlsx import Column, choices
from certready.findings.enums import FindingClosure, FindingGrade, FindingSource, FindingStatus
from certready.management_reviews.enums import ReviewStatus
from certready.risks.enums import RiskStatus, Treatment
from certready.services.enums import Criticality, ServiceStatus
from certready.suppliers.enums import SupplierKind, SupplierStatus
from certready.training.enums import CellState, CourseKind


@dataclass(frozen=True)
class Register:
    """One sheet: its tab name, the ``RegisterRepository`` method and the columns."""

    name: str
    statement: str
    columns: tuple[Column, ...]


def _text(header: str, width: float = 40) -> Column:
    return Column(header, width, wrap=True)


def _date(header: str) -> Column:
    return Column(header, 12, kind="date")


def _number(header: str) -> Column:
    return Column(header, 10, kind="number")


def _keys(header: str) -> Column:
    return Column(header, 20, wrap=True, keys=True)


KEY = Column("Key", 9)

REGISTERS: tuple[Register, ...] = (
    Register(
        "Evidence",
        "evidence",
        (
            KEY,
            _text("Title"),
            Column("Clauses", 16, wrap=True, keys=True),
            Column("Kind", 14, choices=choices(EvidenceKind)),
            Column("Approval", 12, choices=choices(EvidenceStatus)),
            _number("Version"),
            Column("SHA-256", 66),
            Column("File name", 24),
            _date("Approved on"),
            _date("Effective date"),
            _date("Valid until"),
            Column("Owner", 22),
            Column("Source", 14),
        ),
    ),
    Register(
        "Findings",
        "findings",
        (
            KEY,
            Column("Clause", 9),
            Column("Grade", 16, choices=choices(FindingGrade)),
            Column("Status", 14, choices=choices(FindingStatus)),
            Column("Source", 18, choices=choices(FindingSource)),
            _text("Statement", 60),
            Column("Audit", 9),
            _keys("Objective evidence"),
            _date("Raised on"),
            _date("Due date"),
            _keys("Corrective measures"),
            _text("Root cause"),
            _text("Correction"),
            Column("Measure owner", 22, wrap=True),
            _date("Measures due"),
            _date("Effectiveness reviewed on"),
            Column("Effectiveness result", 16),
            _date("Measures closed on"),
            _date("Closed on"),
            Column("Closure", 18, choices=choices(FindingClosure)),
            _text("Decision note"),
        ),
    ),
    Register(
        "Corrective measures",
        "measures",
        (
            KEY,
            _text("Title"),
            Column("Status", 18, choices=choices(MeasureStatus)),
            _keys("Findings"),
            Column("Owner", 22),
            _date("Due date"),
            _text("Correction"),
            _date("Correction date"),
            Column("Root cause method", 14),
            _text("Root cause"),
            _text("Extent"),
            _number("Actions"),
            _number("Actions done"),
            Column("Effectiveness reviewer", 22),
            _text("Review method", 30),
            Column("Effectiveness result", 16, choices=choices(EffectivenessResult)),
            _date("Reviewed on"),
            _number("Reopened"),
            _date("Closed on"),
        ),
    ),
    Register(
        "Audits",
        "audits",
        (
            KEY,
            Column("Type", 14, choices=choices(AuditType)),
            Column("Status", 12, choices=choices(AuditStatus)),
            _text("Title", 30),
            Column("Scope", 20, wrap=True),
            _text("Criteria"),
            _date("Planned start"),
            _date("Planned end"),
            _date("Started on"),
            _date("Ended on"),
            Column("Lead auditor", 22),
            Column("External auditors", 22, wrap=True),
            _date("Closed on"),
            _number("Checklist lines"),
            _number("Assessed"),
            _number("Nonconforming"),
            _number("Findings"),
        ),
    ),
    Register(
        "Checklist lines",
        "checklist_lines",
        (
            Column("Audit", 9),
            Column("Audit status", 12, choices=choices(AuditStatus)),
            Column("Clause", 9),
            Column("Result", 14, choices=choices(ChecklistResult)),
            Column("Auditor", 22),
            Column("Assessed by", 22),
            _date("Assessed on"),
            _text("Notes", 60),
            _keys("Sampled evidence"),
            _number("Sample population"),
        ),
    ),
    Register(
        "Management reviews",
        "reviews",
        (
            KEY,
            _text("Title", 30),
            Column("Status", 16, choices=choices(ReviewStatus)),
            _date("Planned date"),
            _date("Held on"),
            Column("Chair", 22),
            _date("Minutes approved on"),
            Column("Minutes", 9),
            _number("Inputs (9.3)"),
            _number("Inputs covered"),
            _number("Actions"),
            _number("Actions open"),
        ),
    ),
    Register(
        "Training matrix",
        "",  # the training domain's own matrix (training.matrix), not a statement here
        (
            Column("Person", 22),
            Column("E-mail", 26),
            Column("Roles", 24, wrap=True),
            _text("Course", 30),
            Column("Course kind", 12, choices=choices(CourseKind)),
            Column("Required by", 20, wrap=True),
            Column("State", 10, choices=choices(CellState)),
            _date("Completed on"),
            _date("Expires on"),
            Column("Evaluated", 10, kind="bool"),
        ),
    ),
    Register(
        "Services",
        "services",
        (
            KEY,
            _text("Name", 30),
            Column("Status", 10, choices=choices(ServiceStatus)),
            Column("Criticality", 10, choices=choices(Criticality)),
            Column("Owner", 22),
            Column("In scope", 9, kind="bool"),
            _text("Out-of-scope reason", 30),
            Column("Customers", 30, wrap=True),
            _number("Processes"),
        ),
    ),
    Register(
        "Agreements",
        "agreements",
        (
            KEY,
            _text("Title", 30),
            Column("Type", 14, choices=choices(AgreementType)),
            Column("Status", 10, choices=choices(AgreementStatus)),
            Column("Customer", 22),
            Column("Supplier", 22),
            _date("Start date"),
            _date("End date"),
            _date("Review date"),
            Column("Evidence", 9),
            _keys("Services"),
            _number("Targets"),
        ),
    ),
    Register(
        "Suppliers",
        "suppliers",
        (
            KEY,
            _text("Name", 30),
            Column("Kind", 18, choices=choices(SupplierKind)),
            Column("Status", 10, choices=choices(SupplierStatus)),
            Column("In scope", 9, kind="bool"),
            Column("Owner", 22),
            _text("Contact", 26),
            _number("Reviews"),
            _date("Last review on"),
            _keys("Agreements"),
        ),
    ),
    Register(
        "Risks",
        "risks",
        (
            KEY,
            _text("Title"),
            Column("Status", 10, choices=choices(RiskStatus)),
            Column("Owner", 22),
            _number("Likelihood"),
            _number("Impact"),
            Column("Treatment", 10, choices=choices(Treatment)),
            _text("Treatment note"),
            _date("Review date"),
            _number("Actions"),
            _number("Actions open"),
        ),
    ),
)

_KEY = re.compile(r"^([A-Z]+)-(\d+)$")
_REF = re.compile(r"^\d+(\.\d+)*$")


def _key_order(key: str) -> tuple[str, tuple[int, ...], str]:
    """``F-3`` before ``F-12``, clause ``8.10`` after ``8.9``."""
    if match := _KEY.match(key):
        return (match[1], (int(match[2]),), key)
    if _REF.match(key):
        return ("", tuple(int(p) for p in key.split(".")), key)
    return ("~", (), key)


def tidy(values: Sequence[Any], columns: Sequence[Column]) -> list[Any]:
    """A statement row as cells: keys sorted, JSON lists joined with ``; ``."""
    out: list[Any] = []
    for value, column in zip(values, columns, strict=True):
        if column.keys and isinstance(value, str):
            out.append("; ".join(sorted({k for k in value.split("; ") if k}, key=_key_order)))
        elif isinstance(value, list):
            out.append("; ".join(str(v) for v in value))
        else:
            out.append(value)
    return out
