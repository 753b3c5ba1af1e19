"""Training and competence (ISO/IEC 20000-1 7.2, 7.3; iso20000.md RDY-14..17).

The rules live in one module per part: ``courses`` (courses and competence
requirements), ``people`` (who is in the SMS scope), ``records`` (completions and
their CSV import) and ``matrix`` (person x required course, coverage). This module
names them in one place for callers outside the domain (management reviews, the demo).
"""

from __future__ import annotations

from certready.training.courses import (
    COURSE_FIELDS,
    create_course,
    create_requirement,
    delete_course,
    delete_requirement,
    expiry,
    list_courses,
    list_requirements,
    update_course,
)
from certready.training.matrix import AWARENESS, training_matrix
from certready.training.people import (
    PERSON_FIELDS,
    create_person,
    delete_person,
    effective_roles,
    import_members,
    list_people,
    person_read,
    person_row,
    update_person,
)
from certready.training.records import (
    RECORD_FIELDS,
    create_record,
    delete_record,
    import_records,
    list_records,
    update_record,
)

__all__ = [
    "AWARENESS",
    "COURSE_FIELDS",
    "PERSON_FIELDS",
    "RECORD_FIELDS",
    "create_course",
    "create_person",
    "create_record",
    "create_requirement",
    "delete_course",
    "delete_person",
    "delete_record",
    "delete_requirement",
    "effective_roles",
    "expiry",
    "import_members",
    "import_records",
    "list_courses",
    "list_people",
    "list_records",
    "list_requirements",
    "person_read",
    "person_row",
    "training_matrix",
    "update_course",
    "update_person",
    "update_record",
]
