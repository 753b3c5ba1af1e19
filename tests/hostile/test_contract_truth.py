"""The contract and the HTTP method semantics tell the truth (Allow, HEAD, statuses)."""

from __future__ import annotations

import re

import httpx
import pytest
from certready.api.v1 import PUBLIC_ROUTES

from tests.hostile.routes import json_body_routes, route_app


@pytest.fixture
async def bare_client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=route_app(), client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c  # type: ignore[misc]


def _served_methods() -> dict[str, set[str]]:
    served: dict[str, set[str]] = {}
    for path, item in route_app().openapi()["paths"].items():
        served[path] = {m.upper() for m in item}
    return served


async def test_405_allow_lists_every_method_the_path_serves(bare_client: httpx.AsyncClient) -> None:
    for path, methods in _served_methods().items():
        url = path.replace("{org}", "acme")
        for name in ("evidence_id", "number", "ref", "key", "user_id", "finding_id"):
            url = url.replace("{" + name + "}", "1")
        if "{" in url:
            continue
        r = await bare_client.request("OPTIONS", url)
        assert r.status_code == 405, url
        assert r.headers["content-type"] == "application/problem+json"
        # every template the URL fits (``/requirements/summary`` is also ``/{ref}``)
        expected = set().union(
            *(
                m
                for p, m in _served_methods().items()
                if re.fullmatch(re.sub(r"\{[a-z_]+\}", "[^/]+", p), url)
            )
        )
        assert methods <= expected
        expected |= {"HEAD"} if "GET" in expected else set()
        assert set(r.headers["allow"].split(", ")) == expected, url


async def test_head_is_get_without_a_body(bare_client: httpx.AsyncClient) -> None:
    get = await bare_client.get("/api/v1/version")
    head = await bare_client.head("/api/v1/version")
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_every_operation_declares_the_statuses_it_can_answer() -> None:
    doc = route_app().openapi()
    for case in json_body_routes():
        responses = doc["paths"][case.path][case.method.lower()]["responses"]
        assert {"400", "413", "422"} <= set(responses), case.id
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            for code, response in responses.items():
                if code >= "400":
                    assert list(response["content"]) == ["application/problem+json"], (
                        path,
                        code,
                    )
                    assert response["content"]["application/problem+json"]["schema"] == {
                        "$ref": "#/components/schemas/Problem"
                    }
            if method == "patch":
                assert {"412", "428"} <= set(responses), path
            if "{" in path:
                assert "404" in responses, (method, path)
            # every route but the reviewed public ones can answer 401
            if (method.upper(), path) not in PUBLIC_ROUTES and not path.startswith("/api/v1/auth/"):
                assert "401" in responses, (method, path)
    assert "404" in doc["paths"]["/api/v1/tokens/current"]["get"]["responses"]
    assert "429" in doc["paths"]["/api/v1/auth/token"]["post"]["responses"]
    content = doc["paths"]["/api/v1/orgs/{org}/evidence/{evidence_id}/versions/{number}/content"]
    download = content["get"]["responses"]
    assert "*/*" in download["200"]["content"] and "*/*" in download["206"]["content"]
    assert {"304", "416"} <= set(download)
