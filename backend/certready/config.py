"""One `Settings` object for the whole process (prefix ``CERTREADY_``).

Nothing reads the environment at import time: ``get_settings()`` builds the
object and ``create_app(settings)`` receives it.
"""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Values that appear in documentation or examples; production refuses them (SECURITY.md J5).
EXAMPLE_SECRETS = frozenset(
    {"changeme", "change-me", "secret", "certready", "please-change-this-secret-key-now!!"}
)
MIN_SECRET_BYTES = 32
REPO_ROOT = Path(__file__).resolve().parents[2]


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when production settings are unsafe."""


class OidcProvider(BaseModel):
    """One OpenID Provider of the deployment (CERTREADY_OIDC_PROVIDERS, a JSON list; issue 17).

    Which organisation it signs people into is the organisation's own setting (its e-mail
    domains, its provider, default role and role mapping: the sso package)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", description="In the redirect URI.")
    name: str = Field(min_length=1, max_length=100, description="On the login button.")
    issuer: str = Field(description="Exactly as in the provider's discovery document.")
    client_id: str = Field(min_length=1)
    client_secret: SecretStr | None = None
    scopes: list[str] = Field(default_factory=lambda: ["openid", "email", "profile"])
    # the claim whose value(s) the organisations' role mappings read (e.g. "groups", "roles")
    role_claim: str | None = None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CERTREADY_", extra="ignore")

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("data")
    database_url: str = ""
    secret_key: SecretStr | None = None
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_upload_bytes: int = Field(default=1024**3, ge=1)
    spa_dir: Path | None = None
    jwt_issuer: str = "certready"
    jwt_audience: str = "certready-api"
    # Login throttling (SECURITY.md 2.2): failures per account per window, attempts per client.
    login_account_failures: int = 5
    login_account_window_seconds: int = 15 * 60
    login_client_attempts: int = 20
    login_client_window_seconds: int = 60
    # Argon2id parameters; tests may lower them, production keeps the library defaults.
    # Invitations (issue 11): links expire after this many days; the public accept endpoints
    # allow this many attempts per client and window.
    invitation_days: int = Field(default=7, ge=1, le=90)
    invitation_client_attempts: int = Field(default=30, ge=1, le=100000)
    invitation_client_window_seconds: int = Field(default=15 * 60, ge=1, le=86400)
    # Password reset by e-mail (issue 17): a link is valid this many minutes and once; per
    # address at most password_reset_address_limit mails per window (more: the same 202, no
    # mail), per client password_reset_client_attempts requests per window (more: 429).
    password_reset_minutes: int = Field(default=60, ge=5, le=24 * 60)
    password_reset_address_limit: int = Field(default=3, ge=1, le=100)
    password_reset_client_attempts: int = Field(default=10, ge=1, le=100000)
    password_reset_confirm_attempts: int = Field(default=30, ge=1, le=100000)
    password_reset_window_seconds: int = Field(default=60 * 60, ge=1, le=86400)
    # The SPA's address for links in mails and shown to admins (default: the request's host).
    public_url: str = ""
    # Mail (invitations, password resets; certready.mail): sent through this SMTP server when
    # a host is set, else the UI shows copyable links. smtp_ssl: implicit TLS (port 465);
    # otherwise STARTTLS unless smtp_starttls is false (a local relay).
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_from: str = "certready@localhost"
    smtp_user: str = ""
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    smtp_ssl: bool = False
    smtp_timeout_seconds: float = Field(default=20, gt=0, le=300)
    # Outbox retries: the first retry after mail_retry_seconds, doubled per attempt (at most
    # an hour), given up after mail_max_attempts; the mail worker looks every mail_poll_seconds.
    mail_max_attempts: int = Field(default=8, ge=1, le=50)
    mail_retry_seconds: float = Field(default=30, gt=0, le=3600)
    mail_poll_seconds: float = Field(default=15, gt=0, le=3600)
    argon2_time_cost: int = 3
    argon2_memory_cost: int = 65536
    argon2_parallelism: int = 4
    sqlite_busy_timeout_ms: int = 30000
    # Daily readiness snapshots by the in-process worker (CERTREADY_WORKER=false to turn off,
    # e.g. when a separate worker process does it).
    worker: bool = True
    # Readiness reports kept in memory per process, keyed by the organisation's data
    # version (0 turns the cache off).
    readiness_cache_size: int = Field(default=256, ge=0, le=100000)

    # ITSM integrations (issue 15): the key their secrets are encrypted with at rest (a Fernet
    # key; default: derived from SECRET_KEY), the receivers' body limit, the per-integration
    # rate limit (per process) and the timestamp windows of the timestamped schemes.
    integrations_key: SecretStr | None = None
    hook_max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=64 * 1024 * 1024)
    hook_rate_limit: int = Field(default=6000, ge=1, le=10_000_000)
    hook_rate_window_seconds: int = Field(default=60, ge=1, le=3600)
    # Group commit of the receivers (per process and database): concurrent deliveries are
    # committed together, up to hook_batch_size in one transaction; a batch waits at most
    # hook_batch_linger_ms for more once its first delivery is queued (0: none).
    hook_batch_size: int = Field(default=128, ge=1, le=1000)
    hook_batch_linger_ms: float = Field(default=0.0, ge=0.0, le=50.0)
    # GLPI queues deliveries through its cron: a generous window, duplicates are collapsed.
    glpi_timestamp_tolerance_seconds: int = Field(default=3 * 24 * 3600, ge=60, le=10**9)
    standard_webhooks_tolerance_seconds: int = Field(default=5 * 60, ge=60, le=10**9)
    # The evidence pack's signing key (issue 16): an Ed25519 private key, PKCS#8 PEM; when
    # unset, one is generated on first use into DATA_DIR/pack_signing_key.pem and kept.
    pack_signing_key: SecretStr | None = None
    # Evidence pack jobs: finished packs (and their jobs) are removed this long after they
    # finished; at most this many jobs of one organisation run at once.
    pack_job_retention_hours: float = Field(default=24, gt=0, le=24 * 90)
    pack_jobs_per_org: int = Field(default=3, ge=1, le=100)
    # OpenID Connect single sign-on (issue 17): the deployment's providers, the clock skew
    # allowed on ID tokens, how long a started login may take, outbound call timeout.
    oidc_providers: list[OidcProvider] = Field(default_factory=list)
    oidc_clock_skew_seconds: int = Field(default=60, ge=0, le=300)
    oidc_login_minutes: int = Field(default=10, ge=1, le=60)
    oidc_timeout_seconds: float = Field(default=10, gt=0, le=60)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def worker_enabled(self) -> bool:
        return self.worker

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'certready.db').resolve()}"

    @property
    def resolved_spa_dir(self) -> Path:
        return self.spa_dir or REPO_ROOT / "frontend" / "dist"

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def exports_dir(self) -> Path:
        """Evidence packs made by jobs: ``<org_id>/<job id>.zip`` (``.part`` while written)."""
        return self.data_dir / "exports"

    def jwt_secret(self) -> str:
        """The HMAC key; generated once into DATA_DIR in the embedded default."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _development_secret(self.data_dir)

    def check_production(self) -> None:
        """Refuse to start in production with a missing, short or example secret (J5)."""
        if not self.is_production:
            return
        key = self.secret_key.get_secret_value() if self.secret_key else ""
        if not key:
            raise InsecureConfiguration("CERTREADY_SECRET_KEY must be set in production")
        if len(key.encode()) < MIN_SECRET_BYTES:
            raise InsecureConfiguration(
                f"CERTREADY_SECRET_KEY must be at least {MIN_SECRET_BYTES} bytes"
            )
        if key.lower() in EXAMPLE_SECRETS:
            raise InsecureConfiguration("CERTREADY_SECRET_KEY is an example value")
        if "*" in self.cors_origins:
            raise InsecureConfiguration("CERTREADY_CORS_ORIGINS must list explicit origins")


def _development_secret(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(MIN_SECRET_BYTES)
    # exclusive create so two processes starting together agree on one key
    try:
        with path.open("x") as fh:
            fh.write(key)
        path.chmod(0o600)
    except FileExistsError:
        return path.read_text().strip()
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
