"""Bounded integer aliases: every integer a client sends fits both databases.

PostgreSQL's INTEGER is 32 bits; SQLite's is 64. A value outside the column's range
is a 500 on PostgreSQL and silently stored on SQLite, so request integers are
bounded here, once, and the OpenAPI architecture test requires ``minimum`` and
``maximum`` on every integer a request carries.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import Field

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# In bodies (pydantic fields).
Int32 = Annotated[int, Field(ge=INT32_MIN, le=INT32_MAX)]
NonNegativeInt32 = Annotated[int, Field(ge=0, le=INT32_MAX)]
PositiveInt32 = Annotated[int, Field(ge=1, le=INT32_MAX)]

# In paths and query strings.
PositiveInt32Path = Annotated[int, Path(ge=1, le=INT32_MAX)]
PositiveInt32Query = Annotated[int, Query(ge=1, le=INT32_MAX)]
