"""The contract's security claims are true (issue 21): an operation lists the ApiToken
scheme exactly when an API token with every scope gets past authentication and the
permission check; every other operation refuses it with 403. One call per operation of the
committed contract, against the app on both databases."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import httpx

from tests.factories.auth import first_run
from tests.factories.evidence import bearer, create_token

CONTRACT = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
ALL_SCOPES = ["read", "evidence:read", "evidence:write"]
# a value each path parameter accepts, so the call reaches the handler (404 is fine)
_VALUES = {"ref": "8.5.1", "number": "1", "key": "D1", "topic_key": "risks", "source": "jira"}


def _url(path: str, org: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return org if name == "org" else _VALUES.get(name, str(uuid.uuid4()))

    return re.sub(r"\{([a-z_]+)\}", value, path)


async def test_api_tokens_are_accepted_exactly_where_the_contract_says(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    token = bearer((await create_token(client, org, ALL_SCOPES))["secret"])
    spec = json.loads(CONTRACT.read_text())
    wrong: list[str] = []
    checked = {True: 0, False: 0}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if not op["security"]:
                continue  # open operations: nothing to claim
            accepted = any("ApiToken" in requirement for requirement in op["security"])
            body = {"json": {}} if "requestBody" in op else {}
            r = await client.request(method.upper(), _url(path, org.slug), headers=token, **body)
            checked[accepted] += 1
            if accepted and r.status_code in (401, 403):
                wrong.append(f"{method.upper()} {path}: lists ApiToken, answered {r.status_code}")
            if not accepted and r.status_code != 403:
                wrong.append(f"{method.upper()} {path}: no ApiToken, answered {r.status_code}")
    assert wrong == [], "\n".join(wrong)
    assert checked[True] > 50 and checked[False] > 50, checked
