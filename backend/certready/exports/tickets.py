"""Download tickets: a browser saves an export by navigating to its URL (streamed to disk,
never held in the page's memory), and a URL cannot carry the bearer token.

``POST /orgs/{org}/exports/download-tickets`` names the download (its path and query);
the answer is the same URL with ``ticket=<JWT>`` appended: a token of type ``download``
and its own audience, valid for that URL and the caller only, for at most 60 seconds, once
(``core.security``; checked in ``api.deps``). Roles are read from the database when the
ticket is used, like for every request, so a ticket grants nothing its user could not do.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from certready.config import Settings
from certready.context import OrgContext
from certready.core.downloads import DOWNLOAD_PATHS, TICKET_PARAM, download_target
from certready.core.problems import Forbidden, Unprocessable
from certready.core.security import create_download_ticket
from certready.exports.schemas import DownloadTicketCreate, DownloadTicketRead


def issue_ticket(
    settings: Settings, ctx: OrgContext, data: DownloadTicketCreate
) -> DownloadTicketRead:
    """A ticket for one of this organisation's downloads (422 for any other URL)."""
    principal = ctx.principal
    if principal is None or principal.token_org_id is not None:
        raise Forbidden("API tokens send their Authorization header; tickets are for browsers.")
    parts = urlsplit(data.url)
    match = DOWNLOAD_PATHS.match(parts.path)
    if parts.scheme or parts.netloc or parts.fragment or match is None:
        raise Unprocessable(
            "Not a download: an export (/api/v1/orgs/<org>/exports/...) or an evidence "
            "file (/api/v1/orgs/<org>/evidence/<id>/versions/<n>/content).",
            loc=["body", "url"],
        )
    if match.group("org") != ctx.org.slug:
        raise Unprocessable("The download belongs to another organisation.", loc=["body", "url"])
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(k == TICKET_PARAM for k, _ in query):
        raise Unprocessable("The URL already holds a ticket.", loc=["body", "url"])
    target = download_target(parts.path, query)
    token, expires_at = create_download_ticket(
        settings, principal.user.id, principal.user.token_version, target
    )
    separator = "&" if "?" in target else "?"
    return DownloadTicketRead(
        url=f"{target}{separator}{TICKET_PARAM}={token}", expires_at=expires_at
    )
