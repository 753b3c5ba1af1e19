"""``certready serve | migrate | openapi | users ...``."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated

import typer

from certready.config import REPO_ROOT, get_settings

app = typer.Typer(help="Certready: ISO/IEC 20000-1 certification readiness.", no_args_is_help=True)
users_app = typer.Typer(help="Manage user accounts of this deployment.", no_args_is_help=True)
app.add_typer(users_app, name="users")


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
