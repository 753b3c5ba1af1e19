"""Every fix link a readiness rule emits (``facts.route(...)``) has a page in the SPA
(frontend/src/router.tsx): a blocker never sends the user to an unknown route (issue 14).

Reads the sources, no server: the rules' route literals against the router's paths, where
a ``{...}`` part of a rule's route must be a ``$param`` segment of the router's (a literal part
matches the same literal or a ``$param``, as the router matches it)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "backend" / "certready" / "readiness" / "rules"
ROUTER = ROOT / "frontend" / "src" / "router.tsx"

CALL = re.compile(r"facts\.route\(\s*")
LITERAL = re.compile(r"""f?"([^"]*)"\s*\)""")
# section("audits/$auditId", ...) and path: "requirements/$ref" of routes under orgRoute
SECTION = re.compile(r"""section\(\s*"([^"]+)"\s*,""")
ORG_ROUTE = re.compile(
    r"""createRoute\(\{\s*getParentRoute:\s*\(\)\s*=>\s*orgRoute,\s*path:\s*"([^"]+)\"""", re.S
)


def rule_routes() -> list[tuple[str, str]]:
    """(file, route) for every facts.route call; a call without a literal is an error."""
    found = []
    for source in sorted(RULES.glob("*.py")):
        text = source.read_text(encoding="utf-8")
        for call in CALL.finditer(text):
            literal = LITERAL.match(text, call.end())
            assert literal, (
                f"{source.name}: facts.route(...) at offset {call.start()} is not a string "
                "literal, so this test cannot check that the SPA has its page"
            )
            found.append((source.name, literal.group(1)))
    return found


def router_paths() -> list[list[str]]:
    text = ROUTER.read_text(encoding="utf-8")
    paths = SECTION.findall(text) + ORG_ROUTE.findall(text)
    return [p.strip("/").split("/") for p in paths]


def segments(route: str) -> list[str]:
    path = route.split("?", 1)[0].strip("/")
    return path.split("/")


def matches(rule: list[str], pattern: list[str]) -> bool:
    if len(rule) != len(pattern):
        return False
    for part, want in zip(rule, pattern, strict=True):
        if "{" in part:
            if not want.startswith("$"):
                return False
        elif part != want and not want.startswith("$"):
            return False
    return True


def test_the_sources_are_read() -> None:
    routes = rule_routes()
    assert len(routes) > 40, routes
    patterns = router_paths()
    assert ["dashboard"] in patterns and ["requirements", "$ref"] in patterns, patterns


def test_every_rule_route_has_a_page() -> None:
    patterns = router_paths()
    dead = [
        f"{name}: {route}"
        for name, route in rule_routes()
        if not any(matches(segments(route), p) for p in patterns)
    ]
    assert not dead, "readiness fix links with no SPA route:\n" + "\n".join(dead)


def test_the_matcher_refuses_what_it_should() -> None:
    assert matches(segments("/continuity/{plan.id}"), ["continuity", "$planId"])
    assert matches(segments("/findings?grade=ofi"), ["findings"])
    assert matches(segments("/requirements/5.2.2"), ["requirements", "$ref"])
    assert not matches(segments("/continuity/{plan.id}"), ["continuity"])
    assert not matches(segments("/continuity/{plan.id}"), ["continuity", "new"])
    assert not matches(segments("/nowhere"), ["continuity"])
