"""``certready serve | migrate | openapi | users ...``."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from certready.config import REPO_ROOT, get_settings

app = typer.Typer(help="Certready: ISO/IEC 20000-1 certification readiness.", no_args_is_help=True)
users_app = typer.Typer(help="Manage user accounts of this deployment.", no_args_is_help=True)
app.add_typer(users_app, name="users")
evidence_app = typer.Typer(
    help="Upload, list and verify evidence (CERTREADY_URL and CERTREADY_TOKEN for uploads).",
    no_args_is_help=True,
)
app.add_typer(evidence_app, name="evidence")
pack_app = typer.Typer(help="Check evidence packs (offline).", no_args_is_help=True)
app.add_typer(pack_app, name="pack")
mail_app = typer.Typer(help="Check the mail (SMTP) settings.", no_args_is_help=True)
app.add_typer(mail_app, name="mail")


def alembic_config(database_url: str | None = None) -> object:
    from alembic.config import Config

    cfg = Config(str(REPO_ROOT / "migrations" / "alembic.ini"))
    cfg.set_main_option("script_location", str(REPO_ROOT / "migrations"))
    if database_url:
        cfg.attributes["database_url"] = database_url
    return cfg


@app.command()
def migrate(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply database migrations (the only way the schema changes)."""
    from alembic import command

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(settings.resolved_database_url), revision)  # type: ignore[arg-type]
    typer.echo(f"database at {revision}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
    reload: bool = False,
    workers: int = 1,
) -> None:
    """Run the API and the SPA with uvicorn."""
    import uvicorn

    get_settings().check_production()
    uvicorn.run(
        "certready.main:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        reload_dirs=[str(REPO_ROOT / "backend")] if reload else None,
        workers=workers,
        server_header=False,
        proxy_headers=False,
    )


@app.command()
def openapi(
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Print (or write) the OpenAPI contract, deterministically."""
    from certready.api.openapi import dump_openapi
    from certready.config import Settings
    from certready.main import create_app

    text = dump_openapi(create_app(Settings(env="development", spa_dir=Path("/nonexistent"))))
    if output:
        output.write_text(text)
    else:
        sys.stdout.write(text)


@users_app.command("disable")
def disable_user(email: str) -> None:
    """Disable an account: it can no longer log in and its tokens stop working."""
    asyncio.run(_set_active(email, active=False))


@users_app.command("enable")
def enable_user(email: str) -> None:
    """Enable a disabled account again."""
    asyncio.run(_set_active(email, active=True))


async def _set_active(email: str, *, active: bool) -> None:
    from sqlmodel import col, select

    from certready.auth.models import User
    from certready.auth.service import revoke_all_sessions
    from certready.db.engine import create_engine
    from certready.db.session import Database

    db = Database.from_engine(create_engine(get_settings()))
    try:
        async with db.transaction() as session:
            user = (
                (await session.execute(select(User).where(col(User.email) == email.lower())))
                .scalars()
                .first()
            )
            if user is None:
                typer.echo(f"no such user: {email}", err=True)
                raise typer.Exit(1)
            user.is_active = active
            await revoke_all_sessions(session, user)
    finally:
        await db.dispose()
    typer.echo(f"{email}: {'enabled' if active else 'disabled'}")


@users_app.command("reset-password")
def reset_password(email: str) -> None:
    """Issue a password reset link for EMAIL (valid CERTREADY_PASSWORD_RESET_MINUTES, once;
    older links stop working): mailed when SMTP is configured, printed either way."""
    asyncio.run(_reset_password(email))


async def _reset_password(email: str) -> None:
    from certready.auth.service import issue_reset
    from certready.db.engine import create_engine
    from certready.db.session import Database
    from certready.mail.service import enabled, settle
    from certready.orgs.repository import user_by_email

    settings = get_settings()
    if not settings.public_url:
        typer.echo("note: CERTREADY_PUBLIC_URL is not set; the link uses localhost", err=True)
    base = settings.public_url or "http://localhost:8000"
    db = Database.from_engine(create_engine(settings))
    try:
        async with db.transaction() as session:
            user = await user_by_email(session, email.strip().lower())
            if user is None:
                typer.echo(f"no such user: {email}", err=True)
                raise typer.Exit(1)
            if not user.is_active:
                typer.echo(
                    f"{email} is disabled: enable it first (certready users enable)", err=True
                )
                raise typer.Exit(1)
            link, expires_at = await issue_reset(session, settings, user, "operator", base)
        await settle()  # the after-commit delivery attempt (retried by the worker if it failed)
    finally:
        await db.dispose()
    mailed = f"mailed to {user.email}" if enabled(settings) else "not mailed (no SMTP configured)"
    until = f"{expires_at:%Y-%m-%d %H:%M} UTC"
    typer.echo(f"password reset link for {user.email}, {mailed}, valid until {until}:")
    typer.echo(link)


# --- mail ----------------------------------------------------------------------------


@mail_app.command("test")
def mail_test(address: str) -> None:
    """Send a test mail to ADDRESS now, through the configured SMTP server (not queued):
    the SMTP error is printed and the exit status is 1 when it fails."""
    import platform

    import anyio

    from certready.mail.service import enabled, render
    from certready.mail.smtp import DELIVERY_ERRORS, send

    settings = get_settings()
    if not enabled(settings):
        typer.echo("mail is not configured: set CERTREADY_SMTP_HOST", err=True)
        raise typer.Exit(2)
    message = render("test", {"sent_from": platform.node() or "certready"}, address)
    try:
        anyio.run(anyio.to_thread.run_sync, send, settings, message)
    except DELIVERY_ERRORS as exc:
        typer.echo(
            f"not sent via {settings.smtp_host}:{settings.smtp_port}: {type(exc).__name__}: {exc}",
            err=True,
        )
        raise typer.Exit(1) from exc
    typer.echo(f"test mail sent to {address} via {settings.smtp_host}:{settings.smtp_port}")


# --- evidence ------------------------------------------------------------------------


@evidence_app.command("upload")
def evidence_upload(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns.")],
    requirement: Annotated[
        list[str] | None, typer.Option("--requirement", "-r", help="Requirement ref; repeatable.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title (default: the file name).")] = None,
    kind: Annotated[str, typer.Option(help="policy, procedure, record, report, ...")] = "record",
    valid_until: Annotated[str | None, typer.Option(help="Review date, YYYY-MM-DD.")] = None,
    fulfils: Annotated[
        list[str] | None, typer.Option(help="Documented-information key (D1, R3); repeatable.")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag; repeatable.")] = None,
    external_ref: Annotated[
        str | None, typer.Option(help="Ticket key or CI run URL this evidence comes from.")
    ] = None,
    evidence: Annotated[
        str | None, typer.Option(help="Add the files as new versions of this item (E-12 or id).")
    ] = None,
    org: Annotated[
        str | None, typer.Option(help="Organisation slug (default: the token's).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable result on stdout.")
    ] = False,
) -> None:
    """Upload files as evidence; re-running the same command never makes duplicates.

    Exit codes: 0 ok, 1 failure, 2 usage, 3 partial, 4 auth, 5 rejected.
    """
    from certready.evidence import client as c

    options = c.UploadOptions(
        title=title,
        kind=kind,
        requirements=requirement or [],
        fulfils=fulfils or [],
        tags=tag or [],
        valid_until=valid_until,
        external_ref=external_ref,
        evidence=evidence,
    )
    try:
        files = c.expand_paths(paths)
        with c.Client(c.env("CERTREADY_URL"), c.env("CERTREADY_TOKEN")) as api:
            slug = api.org_slug(org)
            report = c.UploadReport(org=slug)
            with _progress(enabled=not as_json) as progress:
                for path in files:
                    size = path.stat().st_size
                    task = progress.add_task(path.name, total=size) if progress else None

                    def advance(n: int, task: object = task) -> None:
                        if progress is not None and task is not None:
                            progress.advance(task, n)

                    name = c.default_title(path, title, many=len(files) > 1)
                    report.results.append(api.upload(slug, path, options, name, advance))
    except c.UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.usage)) from exc
    except c.AuthError as exc:
        typer.echo(f"error: not authorised: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.auth)) from exc
    except Exception as exc:  # network down after retries, server gone
        typer.echo(f"error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.failure)) from exc
    if as_json:
        typer.echo(report.as_json())
    else:
        for r in report.results:
            where = f"{r.evidence} v{r.version}" if r.evidence else "-"
            detail = f"  {r.error.get('detail', '')}" if r.error else ""
            typer.echo(f"{r.status:9} {where:12} {(r.sha256 or '')[:12]}  {r.path}{detail}")
    raise typer.Exit(int(report.exit_code))


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr when it is a terminal; otherwise nothing."""
    import contextlib

    if not enabled or not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    return Progress(
        "{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@evidence_app.command("list")
def evidence_list(
    requirement: Annotated[str | None, typer.Option(help="Ref or clause prefix.")] = None,
    status: Annotated[
        str | None, typer.Option(help="draft, in_review, approved, rejected.")
    ] = None,
    kind: Annotated[str | None, typer.Option()] = None,
    q: Annotated[str | None, typer.Option(help="Text search.")] = None,
    org: Annotated[
        str | None, typer.Option(help="Organisation slug (default: the token's).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines on stdout.")] = False,
) -> None:
    """List evidence items of the organisation (through the API)."""
    from certready.evidence import client as c

    filters = c.EvidenceFilters(requirement=requirement, status=status, kind=kind, q=q)
    try:
        with c.Client(c.env("CERTREADY_URL"), c.env("CERTREADY_TOKEN")) as api:
            for item in api.list_evidence(api.org_slug(org), filters):
                if as_json:
                    typer.echo(json.dumps(item.to_dict()))
                    continue
                version = item.current_version
                sha = version.sha256[:12] if version else "-"
                typer.echo(
                    f"{item.key:8} {item.status:10} v{item.version_count:<3} {sha:12} {item.title}"
                )
    except c.UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.usage)) from exc
    except c.AuthError as exc:
        typer.echo(f"error: not authorised: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.auth)) from exc
    except Exception as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(int(c.ExitCode.failure)) from exc


@evidence_app.command("verify")
def evidence_verify(
    org: Annotated[str | None, typer.Option(help="Only this organisation (slug).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The report as JSON on stdout.")] = False,
) -> None:
    """Re-hash every stored evidence file against the database; report orphans.

    Runs against the database and the store directly. Nothing is deleted or
    repaired; mismatches and missing files are written to the activity log.
    Exit 0 when everything checks out, 1 otherwise.
    """
    report = asyncio.run(_verify(org))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "checked": report.checked,
                    "ok": report.ok,
                    "problems": report.problems,
                    "orphans": report.orphans,
                },
                indent=2,
            )
        )
    else:
        typer.echo(f"checked {report.checked} file version(s): {report.ok} ok")
        for p in report.problems:
            typer.echo(f"{p['status'].upper():9} {p['evidence']} v{p['version']}  {p['path']}")
        for o in report.orphans:
            typer.echo(f"ORPHAN    {o['path']}")
    raise typer.Exit(0 if report.clean else 1)


async def _verify(org: str | None):  # type: ignore[no-untyped-def]
    from certready.core.problems import NotFound
    from certready.db.engine import create_engine
    from certready.db.session import Database
    from certready.evidence.service import verify_store
    from certready.evidence.storage import EvidenceStore

    settings = get_settings()
    db = Database.from_engine(create_engine(settings))
    try:
        return await verify_store(db, EvidenceStore(settings.evidence_dir), org)
    except NotFound as exc:
        typer.echo(f"error: {exc.detail}", err=True)
        raise typer.Exit(2) from exc
    finally:
        await db.dispose()


@pack_app.command("verify")
def pack_verify(
    file: Annotated[Path, typer.Argument(help="The evidence pack (.zip).")],
    key: Annotated[
        Path | None,
        typer.Option(help="The server's public key (PEM, from .../exports/signing-key)."),
    ] = None,
) -> None:
    """Check an evidence pack offline: every file against SHA256SUMS, nothing unlisted,
    and the Ed25519 signature of SHA256SUMS (with --key: that key, which the pack's must
    equal; else the pack's own). Exit 0 when all checks pass, 1 naming each bad file,
    2 when the file is not a pack."""
    from certready.exports.pack.verify import PackUnreadable, verify_pack

    try:
        report = verify_pack(file, key.read_bytes() if key is not None else None)
    except (PackUnreadable, OSError) as exc:
        typer.echo(f"error: {file} is not a readable evidence pack: {exc}", err=True)
        raise typer.Exit(2) from exc
    for path, reason in report.problems:
        typer.echo(f"FAILED {path}: {reason}", err=True)
    bad = len({path for path, _ in report.problems})
    typer.echo(f"SHA256SUMS: {report.checked} file(s) listed, {bad} problem(s)")
    signature = "OK" if report.signature_ok else "FAILED"
    typer.echo(f"signature (Ed25519, key SHA-256 {report.fingerprint or '?'}): {signature}")
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def demo(
    today: Annotated[
        str | None, typer.Option(help="Fixed 'today' (YYYY-MM-DD) the demo dates count from.")
    ] = None,
) -> None:
    """Create the demo organisation (idempotent); prints the admin password once."""
    from datetime import date

    day = date.fromisoformat(today) if today else None
    asyncio.run(_demo(day))


async def _demo(day: object) -> None:
    from datetime import date

    from certready.db.engine import create_engine
    from certready.db.session import Database
    from certready.demo import build_demo

    settings = get_settings()
    db = Database.from_engine(create_engine(settings))
    try:
        async with db.transaction() as session:
            outcome = await build_demo(
                session, settings, db, day if isinstance(day, date) else None
            )
    finally:
        await db.dispose()
    if not outcome.created:
        typer.echo(f"demo organisation '{outcome.org.slug}' already exists; nothing changed")
        return
    typer.echo(f"demo organisation '{outcome.org.name}' created at /orgs/{outcome.org.slug}")
    typer.echo(f"admin: {outcome.admin_email}  password: {outcome.admin_password}")
