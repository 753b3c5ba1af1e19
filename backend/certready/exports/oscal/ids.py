"""What the OSCAL documents share: version, namespace, stable UUIDs, ids and timestamps.

OSCAL_VERSION is the release of the NIST JSON schema the tests validate every document
against (vendored in tests/exports/oscal/, see SOURCES.md there); the shared samples declare
1.2.1, and the 1.2 line reads 1.1.x documents' models unchanged for what we emit.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

OSCAL_VERSION = "1.2.3"
MEDIA_TYPE = "application/json"
# ``ns`` of our own props (grade, status, keys: what OSCAL has no field for)
NS = "urn:certready:oscal"
# every UUID is uuid5 in this namespace of "<kind>:<our id>" (version 5: OSCAL accepts 4 or 5)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, NS)
CONTROL_PREFIX = "iso20000-1_"


def stable_uuid(kind: str, *parts: object) -> str:
    """The same object, the same UUID in every export (``kind`` keeps namespaces apart)."""
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *(str(p) for p in parts)])))


def control_id(ref: str) -> str:
    """``8.6.1`` -> ``iso20000-1_8.6.1`` (an OSCAL token starts with a letter or ``_``)."""
    return CONTROL_PREFIX + ref


def objective_id(ref: str) -> str:
    """The id of a control's assessment-objective part: what a finding targets."""
    return control_id(ref) + "_obj"


def timestamp(moment: datetime | date) -> str:
    """ISO 8601 with a timezone (OSCAL's date-time needs one); a day is its UTC midnight."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(), tzinfo=UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def prop(name: str, value: object, *, ours: bool = True) -> dict[str, str]:
    """A property; ``ours``: in our namespace (OSCAL's own names need none)."""
    item = {"name": name, "value": str(value)}
    if ours:
        item["ns"] = NS
    return item


def clean(value: Any) -> Any:
    """Drop empty strings, lists, objects and None: OSCAL arrays need one item at least
    (``minItems: 1``) and optional text fields no empty value."""
    if isinstance(value, Mapping):
        out = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [clean(v) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    return value


def organisation_party(org_id: uuid.UUID, name: str, slug: str) -> dict[str, Any]:
    """The organisation as an OSCAL party (the same UUID in every document)."""
    return {
        "uuid": stable_uuid("organisation", org_id),
        "type": "organization",
        "name": name,
        "short-name": slug,
    }


def person_party(user_id: object, name: str) -> dict[str, Any]:
    return {"uuid": stable_uuid("user", user_id), "type": "person", "name": name or "Unnamed"}
