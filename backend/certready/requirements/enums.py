from enum import StrEnum


class ImplementationStatus(StrEnum):
    """How far an organisation has implemented one requirement.

    There is deliberately no ``not_applicable``: ISO/IEC 20000-1 allows no exclusions.
    """

    not_started = "not_started"
    planned = "planned"
    in_progress = "in_progress"
    implemented = "implemented"


class DocumentedInformationKind(StrEnum):
    document = "document"  # maintained, version-controlled
    record = "record"  # retained evidence that something happened


class CatalogueView(StrEnum):
    flat = "flat"
    tree = "tree"


class AssessableFilter(StrEnum):
    """Which catalogue nodes an organisation's requirement list includes."""

    true = "true"  # assessable leaves only (the default)
    false = "false"  # grouping nodes only
    all = "all"
