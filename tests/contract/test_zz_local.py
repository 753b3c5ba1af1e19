from typing import Any
import pytest
from tests.contract.suite import SETTINGS, api_schema, call, _seed

@pytest.fixture(scope="module")
def live_api():
    return _seed("http://127.0.0.1:8911")

schema = api_schema()

@schema.parametrize()
@SETTINGS
def test_local(case: Any, live_api) -> None:
    for role in ("admin", "viewer"):
        call(case, live_api, role)
