"""Requirement catalogues as data: validate the JSON files beside this module and upsert them.

Alembic data migrations call :func:`sync_catalogues` with the migration's synchronous
connection (``op.get_bind()``). The sync is idempotent and never loses an organisation's
data: it inserts what is missing, updates titles, guidance and structure in place, and
never deletes a catalogue row (organisations' statuses, evidence and audits point at
them); refs that disappeared from the data are only reported as stale. Afterwards every
organisation gets a status row for every assessable requirement, so a catalogue update
fills in new requirements for existing organisations.

The tables are described with lightweight ``sa.table()`` constructs naming only the
columns written here, so the loader does not depend on the ORM models' Python defaults.
A later revision that adds catalogue columns must keep this set valid for the first
catalogue migration (it replays on an empty database).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Insert

from certready.core.clock import utcnow
from certready.db.base import UTCDateTime
from certready.requirements.enums import DocumentedInformationKind, ImplementationStatus

CATALOGUE_DIR = Path(__file__).resolve().parent
DEFAULT_FRAMEWORK = "iso20000-1:2018"
REF_PATTERN = r"^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$"

Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN, max_length=32)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class CatalogueError(ValueError):
    """The catalogue data is inconsistent; nothing was written."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(f"{source}: " + "; ".join(self.problems))


class FrameworkData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.:_-]*$", max_length=64)]
    name: Text
    version: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    publisher: Text
    allows_exclusions: bool
    catalogue_version: Annotated[str, StringConstraints(min_length=1, max_length=32)]


class RequirementData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: Ref
    title: Text
    parent_ref: Ref | None
    depth: int = Field(ge=1)
    assessable: bool
    guidance: str = Field(default="", max_length=2000)


class DocumentedInformationData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]+$", max_length=16)]
    kind: DocumentedInformationKind
    title: Text
    clause_refs: list[Ref] = Field(min_length=1)
    mandatory: bool
    description: str = Field(default="", max_length=1000)


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    framework: FrameworkData
    requirements: list[RequirementData] = Field(min_length=1)
    documented_information: list[DocumentedInformationData] = Field(default_factory=list)


def sort_key(ref: str) -> str:
    """Numeric-aware sort key: ``8.10`` after ``8.9``, ``D10`` after ``D9``."""
    return re.sub(r"\d+", lambda m: m.group().zfill(6), ref)


def parse_catalogue(data: Mapping[str, Any], source: str = "<memory>") -> Catalogue:
    """Parse and validate one catalogue; raise :class:`CatalogueError` listing every problem."""
    try:
        catalogue = Catalogue.model_validate(data)
    except ValidationError as exc:
        problems = [
            ".".join(str(p) for p in err["loc"]) + ": " + err["msg"] for err in exc.errors()
        ]
        raise CatalogueError(source, problems) from exc
    problems = catalogue_problems(catalogue)
    if problems:
        raise CatalogueError(source, problems)
    return catalogue


def catalogue_problems(catalogue: Catalogue) -> list[str]:
    """What is wrong with a catalogue file beyond its schema (refs, parents, references)."""
    problems: list[str] = []
    by_ref: dict[str, RequirementData] = {}
    for node in catalogue.requirements:
        if node.ref in by_ref:
            problems.append(f"duplicate ref {node.ref}")
        by_ref[node.ref] = node
    parents = {n.parent_ref for n in catalogue.requirements if n.parent_ref}
    for node in catalogue.requirements:
        if node.parent_ref is None:
            if node.depth != 1:
                problems.append(f"{node.ref}: a top-level node must have depth 1, not {node.depth}")
        elif node.parent_ref not in by_ref:
            problems.append(f"{node.ref}: parent {node.parent_ref} does not exist")
        else:
            parent = by_ref[node.parent_ref]
            if node.depth != parent.depth + 1:
                problems.append(
                    f"{node.ref}: depth {node.depth} must be parent depth + 1 ({parent.depth + 1})"
                )
            # The clause prefix filter and the per-clause summary rely on this.
            if not node.ref.startswith(node.parent_ref + "."):
                problems.append(
                    f"{node.ref}: ref must start with its parent ref {node.parent_ref}."
                )
        is_leaf = node.ref not in parents
        if node.assessable != is_leaf:
            kind = "a leaf" if is_leaf else "a grouping node"
            problems.append(f"{node.ref}: is {kind}, so assessable must be {str(is_leaf).lower()}")
        if node.assessable and not node.guidance.strip():
            problems.append(f"{node.ref}: an assessable requirement needs guidance")
    keys: set[str] = set()
    for item in catalogue.documented_information:
        if item.key in keys:
            problems.append(f"duplicate documented-information key {item.key}")
        keys.add(item.key)
        for ref in item.clause_refs:
            if ref not in by_ref:
                problems.append(f"{item.key}: clause ref {ref} does not exist")
    return problems


def load_catalogues(directory: Path = CATALOGUE_DIR) -> list[Catalogue]:
    """Every ``*.json`` catalogue in ``directory``, validated; codes must be unique."""
    catalogues: list[Catalogue] = []
    for path in sorted(directory.glob("*.json")):
        catalogues.append(parse_catalogue(json.loads(path.read_text("utf-8")), path.name))
    codes = [c.framework.code for c in catalogues]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise CatalogueError(str(directory), [f"duplicate framework code {c}" for c in duplicates])
    return catalogues


# --- database side ------------------------------------------------------------------------

FRAMEWORK = sa.table(
    "framework",
    sa.column("id", sa.Uuid()),
    sa.column("code", sa.String()),
    sa.column("name", sa.String()),
    sa.column("version", sa.String()),
    sa.column("publisher", sa.String()),
    sa.column("allows_exclusions", sa.Boolean()),
    sa.column("catalogue_version", sa.String()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
REQUIREMENT = sa.table(
    "requirement",
    sa.column("id", sa.Uuid()),
    sa.column("framework_id", sa.Uuid()),
    sa.column("ref", sa.String()),
    sa.column("title", sa.String()),
    sa.column("parent_id", sa.Uuid()),
    sa.column("parent_ref", sa.String()),
    sa.column("root_ref", sa.String()),
    sa.column("depth", sa.Integer()),
    sa.column("assessable", sa.Boolean()),
    sa.column("sort_key", sa.String()),
    sa.column("guidance", sa.String()),
)
DOCUMENTED_INFORMATION = sa.table(
    "documented_information",
    sa.column("id", sa.Uuid()),
    sa.column("framework_id", sa.Uuid()),
    sa.column("key", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("title", sa.String()),
    sa.column("clause_refs", sa.JSON()),
    sa.column("mandatory", sa.Boolean()),
    sa.column("description", sa.String()),
    sa.column("sort_key", sa.String()),
)
ORGANISATION = sa.table("organisation", sa.column("id", sa.Uuid()))
REQUIREMENT_STATUS = sa.table(
    "requirement_status",
    sa.column("org_id", sa.Uuid()),
    sa.column("requirement_id", sa.Uuid()),
    sa.column("status", sa.String()),
    sa.column("notes", sa.String()),
    sa.column("not_occurring", sa.Boolean()),
    sa.column("not_occurring_justification", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("updated_at", UTCDateTime()),
)

_REQUIREMENT_FIELDS = (
    "title",
    "parent_id",
    "parent_ref",
    "root_ref",
    "depth",
    "assessable",
    "sort_key",
    "guidance",
)
_DI_FIELDS = ("kind", "title", "clause_refs", "mandatory", "description", "sort_key")
_FRAMEWORK_FIELDS = ("name", "version", "publisher", "allows_exclusions", "catalogue_version")


@dataclass
class SyncReport:
    framework: str
    catalogue_version: str
    framework_created: bool = False
    framework_updated: bool = False
    requirements_inserted: list[str] = field(default_factory=list)
    requirements_updated: list[str] = field(default_factory=list)
    # In the database but no longer in the data: kept, never deleted.
    requirements_stale: list[str] = field(default_factory=list)
    documented_information_inserted: list[str] = field(default_factory=list)
    documented_information_updated: list[str] = field(default_factory=list)
    documented_information_stale: list[str] = field(default_factory=list)


def missing_statuses_insert(now: datetime, org_id: uuid.UUID | None = None) -> Insert:
    """``INSERT ... SELECT``: a ``not_started`` status for every (organisation, assessable
    requirement) pair that has none; for one organisation when ``org_id`` is given."""
    # The migration fills in every organisation; ``org_id`` narrows it to one.
    missing = ~sa.exists().where(
        REQUIREMENT_STATUS.c.org_id == ORGANISATION.c.id,  # all organisations: see above
        REQUIREMENT_STATUS.c.requirement_id == REQUIREMENT.c.id,
    )
    select = (
        sa.select(
            ORGANISATION.c.id,
            REQUIREMENT.c.id,
            sa.literal(ImplementationStatus.not_started.value, sa.String()),
            sa.literal("", sa.String()),
            sa.literal(False, sa.Boolean()),
            sa.literal("", sa.String()),
            sa.literal(1, sa.Integer()),
            sa.literal(now, UTCDateTime()),
        )
        .select_from(ORGANISATION.join(REQUIREMENT, sa.true()))
        .where(REQUIREMENT.c.assessable.is_(True), missing)
    )
    if org_id is not None:
        select = select.where(ORGANISATION.c.id == org_id)
    columns = [
        "org_id",
        "requirement_id",
        "status",
        "notes",
        "not_occurring",
        "not_occurring_justification",
        "version",
        "updated_at",
    ]
    return (
        sa.insert(REQUIREMENT_STATUS)
        .from_select(columns, select, include_defaults=False)
        .execution_options(preserve_rowcount=True)
    )


def _root_ref(node: RequirementData, by_ref: Mapping[str, RequirementData]) -> str:
    while node.parent_ref is not None:
        node = by_ref[node.parent_ref]
    return node.ref


def _sync_framework(
    conn: Connection, fw: FrameworkData, now: datetime, report: SyncReport
) -> uuid.UUID:
    wanted = {f: getattr(fw, f) for f in _FRAMEWORK_FIELDS}
    row = conn.execute(
        sa.select(FRAMEWORK.c.id, *(FRAMEWORK.c[f] for f in _FRAMEWORK_FIELDS)).where(
            FRAMEWORK.c.code == fw.code
        )
    ).first()
    if row is None:
        new_id = uuid.uuid4()
        conn.execute(
            sa.insert(FRAMEWORK).values(
                id=new_id, code=fw.code, created_at=now, updated_at=now, **wanted
            )
        )
        report.framework_created = True
        return new_id
    framework_id: uuid.UUID = row.id
    if any(getattr(row, f) != v for f, v in wanted.items()):
        conn.execute(
            sa.update(FRAMEWORK)
            .where(FRAMEWORK.c.id == framework_id)
            .values(updated_at=now, **wanted)
        )
        report.framework_updated = True
    return framework_id


def _update_many(
    conn: Connection, table: Any, fields: Iterable[str], rows: list[dict[str, Any]]
) -> None:
    if not rows:
        return
    stmt = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("b_id"))
        .values({f: sa.bindparam("b_" + f) for f in fields})
    )
    conn.execute(stmt, [{"b_" + k: v for k, v in row.items()} for row in rows])


def _sync_requirements(
    conn: Connection, framework_id: uuid.UUID, catalogue: Catalogue, report: SyncReport
) -> None:
    existing = {
        row.ref: row
        for row in conn.execute(
            sa.select(REQUIREMENT).where(REQUIREMENT.c.framework_id == framework_id)
        )
    }
    by_ref = {n.ref: n for n in catalogue.requirements}
    ids = {ref: existing[ref].id if ref in existing else uuid.uuid4() for ref in by_ref}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    # parents before children, so the self-referencing foreign key holds row by row
    for node in sorted(catalogue.requirements, key=lambda n: (n.depth, sort_key(n.ref))):
        wanted: dict[str, Any] = {
            "title": node.title,
            "parent_id": ids[node.parent_ref] if node.parent_ref else None,
            "parent_ref": node.parent_ref,
            "root_ref": _root_ref(node, by_ref),
            "depth": node.depth,
            "assessable": node.assessable,
            "sort_key": sort_key(node.ref),
            "guidance": node.guidance,
        }
        current = existing.get(node.ref)
        if current is None:
            inserts.append(
                {"id": ids[node.ref], "framework_id": framework_id, "ref": node.ref, **wanted}
            )
            report.requirements_inserted.append(node.ref)
        elif any(getattr(current, f) != v for f, v in wanted.items()):
            updates.append({"id": current.id, **wanted})
            report.requirements_updated.append(node.ref)
    if inserts:
        conn.execute(sa.insert(REQUIREMENT), inserts)
    _update_many(conn, REQUIREMENT, _REQUIREMENT_FIELDS, updates)
    report.requirements_stale = sorted(set(existing) - set(by_ref), key=sort_key)


def _sync_documented_information(
    conn: Connection, framework_id: uuid.UUID, catalogue: Catalogue, report: SyncReport
) -> None:
    existing = {
        row.key: row
        for row in conn.execute(
            sa.select(DOCUMENTED_INFORMATION).where(
                DOCUMENTED_INFORMATION.c.framework_id == framework_id
            )
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for item in catalogue.documented_information:
        wanted: dict[str, Any] = {
            "kind": item.kind.value,
            "title": item.title,
            "clause_refs": list(item.clause_refs),
            "mandatory": item.mandatory,
            "description": item.description,
            "sort_key": sort_key(item.key),
        }
        current = existing.get(item.key)
        if current is None:
            inserts.append(
                {"id": uuid.uuid4(), "framework_id": framework_id, "key": item.key, **wanted}
            )
            report.documented_information_inserted.append(item.key)
        elif any(getattr(current, f) != v for f, v in wanted.items()):
            updates.append({"id": current.id, **wanted})
            report.documented_information_updated.append(item.key)
    if inserts:
        conn.execute(sa.insert(DOCUMENTED_INFORMATION), inserts)
    _update_many(conn, DOCUMENTED_INFORMATION, _DI_FIELDS, updates)
    wanted_keys = {i.key for i in catalogue.documented_information}
    report.documented_information_stale = sorted(set(existing) - wanted_keys, key=sort_key)


def sync_catalogue(
    conn: Connection, catalogue: Catalogue, now: datetime | None = None
) -> SyncReport:
    """Upsert one validated catalogue (framework, requirements, documented information)."""
    now = now or utcnow()
    report = SyncReport(catalogue.framework.code, catalogue.framework.catalogue_version)
    framework_id = _sync_framework(conn, catalogue.framework, now, report)
    _sync_requirements(conn, framework_id, catalogue, report)
    _sync_documented_information(conn, framework_id, catalogue, report)
    return report


def sync_catalogues(
    conn: Connection, catalogues: Sequence[Catalogue] | None = None
) -> tuple[list[SyncReport], int]:
    """Validate every catalogue first, then upsert them all and fill missing statuses.

    Returns the per-framework reports and the number of status rows created.
    """
    catalogues = list(catalogues) if catalogues is not None else load_catalogues()
    for catalogue in catalogues:  # in-memory catalogues get the same checks as files
        problems = catalogue_problems(catalogue)
        if problems:
            raise CatalogueError(catalogue.framework.code, problems)
    now = utcnow()
    reports = [sync_catalogue(conn, c, now) for c in catalogues]
    created = conn.execute(missing_statuses_insert(now)).rowcount
    if conn.dialect.name == "postgresql":
        # fresh planner statistics: without them the first joins over these tables run as
        # nested loops over everything until autovacuum gets round to them
        conn.execute(sa.text("ANALYZE framework, requirement, documented_information"))
        conn.execute(sa.text("ANALYZE requirement_status"))
    return reports, int(created or 0)
