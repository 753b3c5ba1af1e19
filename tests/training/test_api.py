"""Training over HTTP: courses, requirements, people, records, CSV import, roles, tenancy."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import httpx

from tests.factories.auth import add_member, first_run, second_org
from tests.factories.training import (
    add_person,
    add_record,
    create_course,
    require,
    training_url,
)


async def test_course_crud_with_if_match_and_activity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org, "SMS awareness", kind="awareness")
    assert course["kind"] == "awareness" and course["validity_months"] == 24
    await create_course(client, org, "SMS awareness", expect=409)
    url = training_url(org, "courses", course["id"])
    r = await client.patch(url, json={"validity_months": 12}, headers=org.admin.headers)
    assert r.status_code == 428
    r = await client.patch(
        url, json={"validity_months": 12}, headers={**org.admin.headers, "If-Match": '"7"'}
    )
    assert r.status_code == 412
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"validity_months": None}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200, r.text
    assert r.json()["validity_months"] is None and r.json()["version"] == 2
    acts = await client.get(
        f"/api/v1/orgs/{org.slug}/activity", headers=org.admin.headers, params={"limit": 500}
    )
    actions = [a["action"] for a in acts.json()["items"]]
    assert "training.course.create" in actions and "training.course.update" in actions
    r = await client.delete(url, headers=org.admin.headers)
    assert r.status_code == 204
    assert (await client.get(url, headers=org.admin.headers)).status_code == 404


async def test_record_expiry_follows_course_validity(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org, "Change management", validity_months=12)
    person = await add_person(client, org, "Cleo Change", "cleo@acme.example")
    rec = await add_record(client, org, person["id"], course["id"], "2024-01-31")
    assert rec["expires_on"] == "2025-01-30"
    # a corrected validity recomputes stored expiries
    url = training_url(org, "courses", course["id"])
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"validity_months": 1}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200
    got = await client.get(training_url(org, "records", rec["id"]), headers=org.admin.headers)
    assert got.json()["expires_on"] == "2024-02-28"
    # a course with records cannot be deleted
    assert (await client.delete(url, headers=org.admin.headers)).status_code == 409


async def test_record_validation(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org)
    person = await add_person(client, org, "Val Idator")
    future = (date.today() + timedelta(days=5)).isoformat()
    r = await client.post(
        training_url(org, "records"),
        json={"person_id": person["id"], "course_id": course["id"], "completed_on": future},
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    r = await client.post(
        training_url(org, "records"),
        json={
            "person_id": person["id"],
            "course_id": course["id"],
            "completed_on": "2025-01-01",
            "evaluation_method": "quiz",
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert r.json()["errors"][-1]["loc"] == ["body", "evaluation_result"]
    r = await client.post(
        training_url(org, "records"),
        json={
            "person_id": person["id"],
            "course_id": course["id"],
            "completed_on": "2025-01-01",
            "certificate_evidence_id": str(uuid.uuid4()),
        },
        headers=org.admin.headers,
    )
    assert r.status_code == 422
    assert r.json()["errors"][-1]["loc"] == ["body", "certificate_evidence_id"]
    rec = await add_record(
        client,
        org,
        person["id"],
        course["id"],
        "2025-01-01",
        evaluation_method="supervisor_sign_off",
        evaluation_result="Runs CAB unaided",
    )
    assert rec["evaluation_method"] == "supervisor_sign_off"


async def test_requirements_and_people(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org)
    req = await require(client, org, "Change manager", course["id"])
    await require(client, org, "Change manager", course["id"], expect=409)
    r = await client.get(
        training_url(org, "requirements"),
        params={"role_key": "Change manager"},
        headers=org.admin.headers,
    )
    assert [x["id"] for x in r.json()["items"]] == [req["id"]]
    # a member joins by user id; name and e-mail come from the account
    owner = await add_member(client, org, "process_owner")
    r = await client.post(
        training_url(org, "people"),
        json={"user_id": owner.user_id, "role_keys": ["Change manager"]},
        headers=org.admin.headers,
    )
    assert r.status_code == 201, r.text
    member = r.json()
    assert member["email"] == owner.email and member["org_role"] == "process_owner"
    assert member["effective_role_keys"] == ["Change manager", "process_owner"]
    r = await client.post(
        training_url(org, "people"), json={"user_id": owner.user_id}, headers=org.admin.headers
    )
    assert r.status_code == 409
    await add_person(client, org, "Dup", owner.email.upper(), expect=409)
    # importing members adds the rest, and is idempotent
    await add_member(client, org, "external_auditor")
    r = await client.post(
        training_url(org, "people/import-members"), json={}, headers=org.admin.headers
    )
    assert r.status_code == 200
    assert [p["email"] for p in r.json()["added"]] == [org.admin.email]
    r = await client.post(
        training_url(org, "people/import-members"), json={}, headers=org.admin.headers
    )
    assert r.json()["added"] == []
    people = await client.get(training_url(org, "people"), headers=org.admin.headers)
    assert people.json()["total"] == 2
    # a person with records is taken out of scope, not deleted
    await add_record(client, org, member["id"], course["id"], "2025-03-01")
    url = training_url(org, "people", member["id"])
    assert (await client.delete(url, headers=org.admin.headers)).status_code == 409
    etag = (await client.get(url, headers=org.admin.headers)).headers["etag"]
    r = await client.patch(
        url, json={"in_scope": False}, headers={**org.admin.headers, "If-Match": etag}
    )
    assert r.status_code == 200 and r.json()["in_scope"] is False


async def test_other_org_gets_404(client: httpx.AsyncClient) -> None:
    acme = await first_run(client)
    globex = await second_org(client, acme)
    course = await create_course(client, acme)
    person = await add_person(client, acme)
    rec = await add_record(client, acme, person["id"], course["id"], "2025-01-01")
    for path in (f"courses/{course['id']}", f"people/{person['id']}", f"records/{rec['id']}"):
        own = await client.get(training_url(globex, path), headers=globex.admin.headers)
        missing = await client.get(
            training_url(globex, path.split("/")[0], uuid.uuid4()), headers=globex.admin.headers
        )
        assert own.status_code == missing.status_code == 404
        assert own.json() == missing.json()
        # and the other org's slug is a 404 for a non-member
        r = await client.get(training_url(acme, path), headers=globex.admin.headers)
        assert r.status_code == 404
    # referencing another org's person or course is refused
    other_person = await add_person(client, globex, "Gus Globex")
    r = await client.post(
        training_url(acme, "records"),
        json={
            "person_id": other_person["id"],
            "course_id": course["id"],
            "completed_on": "2025-01-01",
        },
        headers=acme.admin.headers,
    )
    assert r.status_code == 422


async def test_only_managers_write_training(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org)
    manager = await add_member(client, org, "sms_manager")
    await create_course(client, org, "Problem management", headers=manager.headers)
    for role in ("process_owner", "auditor", "viewer"):
        member = await add_member(client, org, role)
        await create_course(client, org, f"By {role}", headers=member.headers, expect=403)
        r = await client.post(
            training_url(org, "records/import"),
            content=b"email,course,completed_on\n",
            headers={**member.headers, "Content-Type": "text/csv"},
        )
        assert r.status_code == 403
        r = await client.get(training_url(org, "courses", course["id"]), headers=member.headers)
        assert r.status_code == 200
        r = await client.get(training_url(org, "matrix"), headers=member.headers)
        assert r.status_code == 200


async def test_csv_import_is_all_or_nothing(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    course = await create_course(client, org, "SMS awareness", kind="awareness")
    await add_person(client, org, "Ann", "ann@acme.example")
    await add_person(client, org, "Bob", "bob@acme.example")
    bad = (
        "email,course,completed_on,evaluation_method,evaluation_result\n"
        "ann@acme.example,SMS awareness,2025-02-01,quiz,90%\n"
        "nobody@acme.example,SMS awareness,2025-02-01,,\n"
        "bob@acme.example,No such course,2025-13-01,,\n"
        "bob@acme.example,SMS awareness,2025-02-01,telepathy,ok\n"
    )
    r = await client.post(
        training_url(org, "records/import"),
        content=bad.encode(),
        headers={**org.admin.headers, "Content-Type": "text/csv"},
    )
    assert r.status_code == 422, r.text
    locs = [e["loc"] for e in r.json()["errors"]]
    assert ["body", 4, "completed_on"] in locs
    assert ["body", 5, "evaluation_method"] in locs
    records = await client.get(training_url(org, "records"), headers=org.admin.headers)
    assert records.json()["total"] == 0
    # parse errors first; then reference errors (unknown person / course)
    refs = bad.replace("2025-13-01", "2025-01-13").replace("telepathy", "assessment")
    r = await client.post(
        training_url(org, "records/import"),
        content=refs.encode(),
        headers={**org.admin.headers, "Content-Type": "text/csv"},
    )
    assert r.status_code == 422
    locs = [e["loc"] for e in r.json()["errors"]]
    assert locs == [["body", 3, "email"], ["body", 4, "course"]]
    assert (await client.get(training_url(org, "records"), headers=org.admin.headers)).json()[
        "total"
    ] == 0
    good = (
        "Email,Course,Completed_on\n"
        "ANN@acme.example,SMS awareness,2025-02-01\n"
        f"bob@acme.example,{course['id']},2025-02-03\n"
    )
    files = {"file": ("records.csv", good.encode("utf-8-sig"), "text/csv")}
    r = await client.post(
        training_url(org, "records/import"), files=files, headers=org.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"created": 2, "skipped_duplicates": 0}
    # importing the same file again creates nothing
    r = await client.post(
        training_url(org, "records/import"), files=files, headers=org.admin.headers
    )
    assert r.json() == {"created": 0, "skipped_duplicates": 2}
    rows = (await client.get(training_url(org, "records"), headers=org.admin.headers)).json()
    assert rows["total"] == 2 and rows["items"][0]["expires_on"] == "2027-02-02"


async def test_csv_import_refuses_bad_files(client: httpx.AsyncClient) -> None:
    org = await first_run(client)
    url = training_url(org, "records/import")
    r = await client.post(url, json={"email": "x"}, headers=org.admin.headers)
    assert r.status_code == 415
    r = await client.post(
        url,
        content=b"email,course\n",
        headers={**org.admin.headers, "Content-Type": "text/csv"},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", 1, "completed_on"]
    big = b"email,course,completed_on\n" + b"a@b.example,x,2025-01-01\n" * 50_000
    r = await client.post(
        url, content=big, headers={**org.admin.headers, "Content-Type": "text/csv"}
    )
    assert r.status_code == 413
