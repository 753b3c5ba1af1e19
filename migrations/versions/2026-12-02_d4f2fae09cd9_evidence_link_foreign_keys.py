"""evidence link foreign keys

Links to evidence from audit checklist lines, findings and corrective measures (SMS
changes, action completion, effectiveness review) get foreign keys to ``evidence.id``,
``ON DELETE RESTRICT``: evidence is never deleted while anything cites it, and deleting
evidence never silently removes a link either.

Existing rows are validated first. A link whose evidence item does not exist, or
belongs to another organisation, is an orphan; orphans are REPORTED, never deleted: a
link is part of the audit trail, so the migration stops (before any change, the
transaction rolls back) with every orphan listed, and the operator decides (restore the
item, or delete the link) and runs it again. The application never wrote such rows
(``ensure_evidence_in_org`` guards every link), so a clean database migrates unchanged.

Revision ID: d4f2fae09cd9
Revises: eb6dded7d449
Create Date: 2026-12-02 01:41:45.526173
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4f2fae09cd9"
down_revision: str | Sequence[str] | None = "eb6dded7d449"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column citing evidence, columns naming the row in the report)
LINKS = [
    ("audit_checklist_evidence", "evidence_item_id", ["line_id"]),
    ("finding_evidence", "evidence_item_id", ["finding_id"]),
    ("corrective_measure_sms_change", "evidence_item_id", ["measure_id"]),
    ("corrective_action", "evidence_id", ["id", "measure_id"]),
    ("corrective_measure", "review_evidence_id", ["id"]),
]
SHOWN = 20  # orphans listed per table (the count is always complete)


def _name(table: str, column: str) -> str:
    return f"fk_{table}_{column}_evidence"


def orphans(conn: sa.Connection) -> list[str]:
    """One line per link that cites no evidence item of its own organisation."""
    found = []
    for table, column, keys in LINKS:
        where = (
            f"FROM {table} l WHERE l.{column} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM evidence e WHERE e.id = l.{column} AND e.org_id = l.org_id)"
        )
        total = conn.execute(sa.text(f"SELECT count(*) {where}")).scalar_one()
        if not total:
            continue
        names = ", ".join(f"l.{k}" for k in keys)
        rows = conn.execute(sa.text(f"SELECT {names}, l.{column}, l.org_id {where}")).all()
        found.append(f"{table}.{column}: {total} orphan link(s)")
        for row in rows[:SHOWN]:
            *key, evidence_id, org_id = row
            named = ", ".join(f"{k}={v}" for k, v in zip(keys, key, strict=True))
            found.append(f"  {named} -> evidence {evidence_id} (org {org_id})")
    return found


def upgrade() -> None:
    found = orphans(op.get_bind())
    if found:
        raise RuntimeError(
            "Links to evidence that does not exist in their organisation; nothing was "
            "changed. Restore the items or delete these links, then migrate again:\n"
            + "\n".join(found)
        )
    for table, column, _keys in LINKS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_foreign_key(
                batch_op.f(_name(table, column)),
                "evidence",
                [column],
                ["id"],
                ondelete="RESTRICT",
            )


def downgrade() -> None:
    for table, column, _keys in reversed(LINKS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(_name(table, column)), type_="foreignkey")
