"""Schemathesis on both databases, as an admin and as a viewer (see ``suite.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.contract.suite import SETTINGS, LiveApi, api_schema, call, live_api_fixture


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveApi]:
    yield from live_api_fixture(request.param, tmp_path_factory)


schema = api_schema()


@pytest.mark.slow
@schema.parametrize()
@SETTINGS
def test_every_operation_conforms_to_the_contract(case: Any, live_api: LiveApi) -> None:
    # each generated request is sent as both roles: the viewer meets the 403 paths
    for role in ("admin", "viewer"):
        call(case, live_api, role)
