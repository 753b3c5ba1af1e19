"""List the overdue corrective measures of one organisation with the generated client.

    export CERTREADY_URL=https://certready.example.org CERTREADY_TOKEN=crt_... CERTREADY_ORG=acme
    python overdue_measures.py            # one line per measure, oldest due date first
    python overdue_measures.py --fail     # exit status 1 when any is overdue (a CI gate)

An API token with the `read` scope is enough. Exit status: 0 ok, 1 overdue measures with
--fail, 2 the API refused (the problem's title and detail are printed). The README shows this
file; tests/contract/test_recipes.py runs it against a real server.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from certready_client import AuthenticatedClient
from certready_client.api.corrective_measures import (
    corrective_measures_list_corrective_measures as list_measures,
)
from certready_client.models import CorrectiveMeasurePage, CorrectiveMeasureRead, Problem
from certready_client.types import UNSET, Unset


class Refused(Exception):
    """The API answered a problem (RFC 9457) instead of a page."""


def overdue_measures(client: AuthenticatedClient, org: str) -> list[CorrectiveMeasureRead]:
    """Every overdue measure, all pages (the server says what is overdue: due before today
    and neither closed nor cancelled)."""
    found: list[CorrectiveMeasureRead] = []
    cursor: str | Unset = UNSET
    while True:
        page = list_measures.sync(org, client=client, overdue=True, limit=100, cursor=cursor)
        if isinstance(page, Problem):
            raise Refused(f"{page.status} {page.title}: {page.detail or ''}".rstrip(": "))
        if not isinstance(page, CorrectiveMeasurePage):
            raise Refused("no answer")
        found.extend(page.items)
        if page.next_cursor is None:
            return found
        cursor = page.next_cursor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--org", default=os.environ.get("CERTREADY_ORG"), required=False)
    parser.add_argument("--fail", action="store_true", help="exit 1 when any is overdue")
    args = parser.parse_args()
    if not args.org:
        parser.error("give --org or set CERTREADY_ORG")
    url, token = os.environ["CERTREADY_URL"], os.environ["CERTREADY_TOKEN"]
    with AuthenticatedClient(base_url=url, token=token, raise_on_unexpected_status=True) as client:
        try:
            measures = overdue_measures(client, args.org)
        except Refused as exc:
            print(f"certready: {exc}", file=sys.stderr)
            return 2
    for m in sorted(measures, key=lambda m: (m.due_date or date.max, m.key)):
        print(f"{m.key}\t{m.due_date}\t{m.status.value}\t{m.title}")
    print(f"{len(measures)} overdue corrective measure(s) in {args.org}", file=sys.stderr)
    return 1 if args.fail and measures else 0


if __name__ == "__main__":
    sys.exit(main())
