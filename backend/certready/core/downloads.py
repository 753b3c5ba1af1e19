"""Which URLs a download ticket may name, and the one form of a URL it is bound to
(``POST /orgs/{org}/exports/download-tickets``; checked in ``api.deps``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlencode

# The downloads a browser may fetch with a download ticket instead of the bearer token
# (an export, an evidence file); nothing else accepts one.
DOWNLOAD_PATHS = re.compile(
    r"^/api/v1/orgs/(?P<org>[a-z0-9][a-z0-9-]{0,62})/(exports/(evidence-pack\.zip"
    r"|evidence-pack/jobs/[0-9a-fA-F-]{36}/evidence-pack\.zip"
    r"|compliance-matrix\.xlsx|readiness-report\.pdf|audits/[0-9a-fA-F-]{36}/report\.pdf"
    r"|management-reviews/[0-9a-fA-F-]{36}/minutes\.pdf)"
    r"|evidence/[0-9A-Za-z-]{1,40}/versions/[0-9]{1,9}/content)$"
)
TICKET_PARAM = "ticket"


def download_target(path: str, query: Iterable[tuple[str, str]]) -> str:
    """The one URL a ticket is valid for: the path and its query (without the ticket),
    parameters sorted so the order they are sent in does not matter."""
    rest = sorted((k, v) for k, v in query if k != TICKET_PARAM)
    return path + ("?" + urlencode(rest) if rest else "")
