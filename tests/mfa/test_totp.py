"""TOTP second factor (issue 17) on SQLite and PostgreSQL: enrolment, the sign-in step,
replay, recovery codes, throttling, the organisation's requirement and an admin's reset.

Codes are real TOTP computed with pyotp from the secret the API returned; nothing is mocked.
"""

from __future__ import annotations

from typing import Any

import httpx
import pyotp
from certready.config import Settings
from certready.core.security import create_access_token, create_mfa_token, decode_mfa_token

from tests.factories.auth import PASSWORD, OrgFixture, Session, add_member, first_run, login
from tests.factories.mfa import code, enrol, password_step, second_step, session_of

PROBLEM = "application/problem+json"


async def _activity(client: httpx.AsyncClient, org: OrgFixture, action: str) -> list[Any]:
    r = await client.get(
        f"/api/v1/orgs/{org.slug}/activity", params={"action": action}, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    items: list[Any] = r.json()["items"]
    return items


async def _require(client: httpx.AsyncClient, org: OrgFixture, on: bool = True) -> httpx.Response:
    url = f"/api/v1/orgs/{org.slug}"
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    return await client.patch(
        url, json={"require_mfa": on}, headers={**org.admin.headers, "If-Match": etag}
    )


async def test_enrol_then_sign_in_with_a_code(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    me = (await client.get("/api/v1/me", headers=org.admin.headers)).json()
    assert me["mfa"] == {
        "totp_enabled": False,
        "enrolled_at": None,
        "recovery_codes_left": 0,
        "required_by": [],
    }
    r = await client.post("/api/v1/me/mfa/totp", headers=org.admin.headers)
    assert r.status_code == 201, r.text
    started = r.json()
    assert started["otpauth_uri"].startswith("otpauth://totp/Certready:admin%40acme.example?")
    assert f"secret={started['secret']}" in started["otpauth_uri"]
    assert started["qr_svg"].startswith("data:image/svg+xml")
    # not confirmed yet: signing in still needs the password only
    await login(client, "admin@acme.example")
    # a wrong first code confirms nothing
    wrong = "000000" if code(started["secret"]) != "000000" else "111111"
    r = await client.post(
        "/api/v1/me/mfa/totp/confirm", json={"code": wrong}, headers=org.admin.headers
    )
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM
    assert not (await client.get("/api/v1/me", headers=org.admin.headers)).json()["mfa"][
        "totp_enabled"
    ]
    r = await client.post(
        "/api/v1/me/mfa/totp/confirm",
        json={"code": code(started["secret"])},
        headers=org.admin.headers,
    )
    assert r.status_code == 200, r.text
    codes = r.json()["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    status = (await client.get("/api/v1/me", headers=org.admin.headers)).json()["mfa"]
    assert status["totp_enabled"] and status["recovery_codes_left"] == 10
    # enrolling again while a factor is confirmed: 409
    r = await client.post("/api/v1/me/mfa/totp", headers=org.admin.headers)
    assert r.status_code == 409

    challenge = await password_step(client, "admin@acme.example")
    assert challenge["mfa_step"] == "verify" and challenge["expires_in"] == 300
    assert "access_token" not in challenge
    # the confirmation spent the current step: the same code again is a replay
    r = await second_step(client, challenge["mfa_token"], code=code(started["secret"]))
    assert r.status_code == 401
    r = await second_step(client, challenge["mfa_token"], code=code(started["secret"], 1))
    assert r.status_code == 200, r.text
    tokens = r.json()
    me = await client.get("/api/v1/me", headers=session_of("a", tokens).headers)
    assert me.status_code == 200 and me.json()["email"] == "admin@acme.example"
    entries = await _activity(client, org, "mfa.enrolled")
    assert [e["summary"] for e in entries] == ["admin@acme.example: second factor (TOTP) enrolled"]


async def test_wrong_and_replayed_codes_are_refused_and_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    factor = await enrol(client, org.admin)
    challenge = await password_step(client, "admin@acme.example")
    now = code(factor.secret)
    wrong = f"{(int(now) + 1) % 1_000_000:06d}"
    r = await second_step(client, challenge["mfa_token"], code=wrong)
    assert r.status_code == 401 and r.headers["content-type"] == PROBLEM
    # the code accepted at confirmation cannot be used again (same step)
    assert (await second_step(client, challenge["mfa_token"], code=now)).status_code == 401
    r = await second_step(client, challenge["mfa_token"], code=code(factor.secret, 1))
    assert r.status_code == 200, r.text
    # the challenge completes one sign-in only
    other = await client.post(
        "/api/v1/auth/mfa",
        json={"mfa_token": challenge["mfa_token"], "recovery_code": factor.recovery_codes[0]},
    )
    assert other.status_code == 401
    # a new challenge with the code just used: a replay inside its window
    again = await password_step(client, "admin@acme.example")
    r = await second_step(client, again["mfa_token"], code=code(factor.secret, 1))
    assert r.status_code == 401
    failures = await _activity(client, org, "mfa.failure")
    assert len(failures) == 3
    assert {e["summary"] for e in failures} == {"admin@acme.example: wrong TOTP code"}


async def test_recovery_codes_are_single_use_and_renewable(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    factor = await enrol(client, org.admin)
    first = factor.recovery_codes[0]
    challenge = await password_step(client, "admin@acme.example")
    # typed in capitals with spaces instead of dashes: still the code
    r = await second_step(
        client, challenge["mfa_token"], recovery_code=first.upper().replace("-", " ")
    )
    assert r.status_code == 200, r.text
    session = session_of("admin@acme.example", r.json())
    me = (await client.get("/api/v1/me", headers=session.headers)).json()
    assert me["mfa"]["recovery_codes_left"] == 9
    challenge = await password_step(client, "admin@acme.example")
    assert (await second_step(client, challenge["mfa_token"], recovery_code=first)).status_code == (
        401
    )
    [used] = await _activity(client, org, "mfa.recovery_code_used")
    assert used["summary"] == "admin@acme.example: signed in with a recovery code (9 left)"
    # new codes need a proof; the old ones stop working
    r = await client.post(
        "/api/v1/me/mfa/recovery-codes",
        json={"password": "wrong password"},
        headers=session.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        "/api/v1/me/mfa/recovery-codes", json={"password": PASSWORD}, headers=session.headers
    )
    assert r.status_code == 200, r.text
    renewed = r.json()["codes"]
    assert len(renewed) == 10 and not set(renewed) & set(factor.recovery_codes)
    challenge = await password_step(client, "admin@acme.example")
    r = await second_step(client, challenge["mfa_token"], recovery_code=factor.recovery_codes[1])
    assert r.status_code == 401
    r = await second_step(client, challenge["mfa_token"], recovery_code=renewed[0])
    assert r.status_code == 200, r.text


async def test_wrong_codes_are_throttled_like_passwords(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    factor = await enrol(client, org.admin)
    challenge = await password_step(client, "admin@acme.example")
    valid = {code(factor.secret, step) for step in (-1, 0, 1)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in valid)
    for _ in range(settings.login_account_failures):
        r = await second_step(client, challenge["mfa_token"], code=wrong)
        assert r.status_code == 401
    r = await second_step(client, challenge["mfa_token"], code=code(factor.secret, 1))
    assert r.status_code == 429, r.text
    assert int(r.headers["retry-after"]) > 0
    # a fresh password step does not reset the second factor's count
    again = await password_step(client, "admin@acme.example")
    r = await second_step(client, again["mfa_token"], code=code(factor.secret, 1))
    assert r.status_code == 429


async def test_challenge_and_access_tokens_are_not_interchangeable(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    org = await first_run(client)
    await enrol(client, org.admin)
    challenge = await password_step(client, "admin@acme.example")
    # the challenge is not an access token
    r = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {challenge['mfa_token']}"}
    )
    assert r.status_code == 401
    r = await client.get(
        f"/api/v1/orgs/{org.slug}", headers={"Authorization": f"Bearer {challenge['mfa_token']}"}
    )
    assert r.status_code == 401
    # and an access token is not a challenge
    claims = decode_mfa_token(settings, challenge["mfa_token"])
    access, _ = create_access_token(settings, claims.user_id, claims.token_version, claims.user_id)
    r = await second_step(client, access, code="123456")
    assert r.status_code == 401
    r = await client.post("/api/v1/auth/mfa/enrol", json={"mfa_token": access})
    assert r.status_code == 401
    # an enrolment challenge does not complete a sign-in with a code
    enrol_only, _ = create_mfa_token(settings, claims.user_id, claims.token_version, "enrol")
    assert (await second_step(client, enrol_only, code="123456")).status_code == 401
    # and a verify challenge does not start an enrolment
    r = await client.post("/api/v1/auth/mfa/enrol", json={"mfa_token": challenge["mfa_token"]})
    assert r.status_code == 401


async def test_disable_needs_a_code_or_the_password(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    factor = await enrol(client, org.admin)
    url = "/api/v1/me/mfa/totp/disable"
    r = await client.post(url, json={}, headers=org.admin.headers)
    assert r.status_code == 422
    r = await client.post(url, json={"code": code(factor.secret)}, headers=org.admin.headers)
    assert r.status_code == 422  # the confirmation's code, already spent
    r = await client.post(url, json={"code": code(factor.secret, 1)}, headers=org.admin.headers)
    assert r.status_code == 204, r.text
    assert not (await client.get("/api/v1/me", headers=org.admin.headers)).json()["mfa"][
        "totp_enabled"
    ]
    await login(client, "admin@acme.example")  # the password alone again
    assert len(await _activity(client, org, "mfa.disabled")) == 1


async def _member_enrols_at_sign_in(
    client: httpx.AsyncClient, email: str
) -> tuple[Session, pyotp.TOTP]:
    challenge = await password_step(client, email)
    assert challenge["mfa_step"] == "enrol"
    token = challenge["mfa_token"]
    # the enrolment challenge is no access token either
    r = await client.post("/api/v1/me/mfa/totp", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401
    r = await client.post("/api/v1/auth/mfa/enrol", json={"mfa_token": token})
    assert r.status_code == 201, r.text
    secret = r.json()["secret"]
    r = await client.post(
        "/api/v1/auth/mfa/enrol/confirm", json={"mfa_token": token, "code": "12345x"}
    )
    assert r.status_code == 422
    r = await client.post(
        "/api/v1/auth/mfa/enrol/confirm", json={"mfa_token": token, "code": code(secret)}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["recovery_codes"]) == 10
    # the enrolment challenge is spent
    r = await client.post("/api/v1/auth/mfa/enrol", json={"mfa_token": token})
    assert r.status_code == 401
    return session_of(email, body), pyotp.TOTP(secret)


async def test_an_organisation_requiring_a_factor_makes_members_enrol(
    client: httpx.AsyncClient,
) -> None:
    org = await first_run(client)
    member = await add_member(client, org, "process_owner")
    # an admin without a factor cannot require one (they would be locked into enrolment)
    r = await _require(client, org)
    assert r.status_code == 409 and r.json()["field"] == "require_mfa"
    await enrol(client, org.admin)
    r = await _require(client, org)
    assert r.status_code == 200, r.text
    assert r.json()["require_mfa"] is True
    [change] = await _activity(client, org, "org.update")
    assert change["after"] == {"require_mfa": True}
    # the member's session without a factor is not renewed any more
    r = await client.post("/api/v1/auth/refresh", json={"refresh_token": member.refresh_token})
    assert r.status_code == 401
    me = (await client.get("/api/v1/me", headers=member.headers)).json()
    assert me["mfa"]["required_by"] == ["acme"]
    enrolled, _ = await _member_enrols_at_sign_in(client, member.email)
    me = (await client.get("/api/v1/me", headers=enrolled.headers)).json()
    assert me["mfa"]["totp_enabled"] is True
    r = await client.get(f"/api/v1/orgs/{org.slug}/members", headers=org.admin.headers)
    assert {m["email"]: m["mfa_enabled"] for m in r.json()["items"]} == {
        "admin@acme.example": True,
        member.email: True,
    }
    # from now on the member signs in with password + code
    assert (await password_step(client, member.email))["mfa_step"] == "verify"


async def test_admin_resets_a_members_factor_logged(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    member = await add_member(client, org, "sms_manager")
    await enrol(client, member)
    await enrol(client, org.admin)
    assert (await _require(client, org)).status_code == 200
    url = f"/api/v1/orgs/{org.slug}/members/{member.user_id}/mfa"
    # only an admin may reset (the member's role lacks members:manage)
    assert (await client.delete(url, headers=member.headers)).status_code == 403
    r = await client.delete(url, headers=org.admin.headers)
    assert r.status_code == 204, r.text
    [entry] = await _activity(client, org, "mfa.reset")
    assert entry["summary"] == f"{member.email}: second factor reset by Ada Admin"
    assert entry["actor_id"] == org.admin.user_id
    # the member's sessions ended; at the next sign-in they enrol again
    assert (await client.get("/api/v1/me", headers=member.headers)).status_code == 401
    await _member_enrols_at_sign_in(client, member.email)
    # nothing left to reset twice; someone not a member: 404
    await client.delete(url, headers=org.admin.headers)
    again = await client.delete(url, headers=org.admin.headers)
    assert again.status_code == 409
    r = await client.delete(
        f"/api/v1/orgs/{org.slug}/members/00000000-0000-0000-0000-000000000000/mfa",
        headers=org.admin.headers,
    )
    assert r.status_code == 404
