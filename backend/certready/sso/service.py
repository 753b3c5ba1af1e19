"""OpenID Connect sign-in (issue 17): start, callback, the SPA's code exchange, and the
organisations' SSO settings.

Rules (README "Single sign-on"):
- a person already linked (provider + ``sub``) signs in as the linked user;
- otherwise the e-mail must be verified by the provider (``email_verified`` true): it links
  to the user with that address or, when an organisation claims the address's domain with
  this provider and gives a role (default role or role mapping), creates the user;
- a domain claimed by an organisation is signed in only through that organisation's
  provider: another deployment provider asserting such an address is refused;
- just-in-time membership: a person of a claimed domain without a membership joins that
  organisation with the mapped role (the highest of the claim's values) or the default role;
- every sign-in and every refused callback is logged (activity log of the organisation
  concerned, and the ``certready.sso`` logger).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from certready.activity.service import record
from certready.auth.models import User
from certready.auth.schemas import TokenPair
from certready.auth.service import issue_tokens
from certready.config import OidcProvider, Settings
from certready.context import Actor, OrgContext
from certready.core.clock import utcnow
from certready.core.problems import Unauthorized, Unprocessable
from certready.core.security import constant_time_equals, token_hash
from certready.db.session import Database
from certready.orgs.enums import Role
from certready.orgs.models import Membership
from certready.orgs.repository import user_by_email
from certready.sso.models import OidcIdentity, OidcLogin, OrgSso
from certready.sso.oidc import OidcClient, OidcClients, OidcError
from certready.sso.repository import SsoRepository
from certready.sso.schemas import OrgSsoRead, OrgSsoUpdate, ProviderRead

log = logging.getLogger("certready.sso")

HANDOFF_SECONDS = 60
# Highest first: when a person's role claim maps to several roles, the first one wins.
ROLE_ORDER = [
    Role.admin,
    Role.sms_manager,
    Role.process_owner,
    Role.auditor,
    Role.external_auditor,
    Role.viewer,
]


@dataclass
class Started:
    url: str
    browser_secret: str


def providers(settings: Settings, api_prefix: str) -> list[ProviderRead]:
    return [
        ProviderRead(id=p.id, name=p.name, login_url=f"{api_prefix}/auth/oidc/{p.id}/login")
        for p in settings.oidc_providers
    ]


def _provider(clients: OidcClients, provider_id: str) -> OidcClient:
    client = clients.get(provider_id)
    if client is None:
        raise OidcError("unknown_provider", "There is no such identity provider.")
    return client


async def start(
    db: Database, settings: Settings, clients: OidcClients, provider_id: str, redirect_uri: str
) -> Started:
    """Record a login (state, nonce, PKCE verifier, the browser) and the provider's URL."""
    client = _provider(clients, provider_id)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier, browser = secrets.token_urlsafe(64), secrets.token_urlsafe(32)
    url = await client.authorization_url(redirect_uri, state, nonce, verifier)
    now = utcnow()
    async with db.transaction() as session:
        # started logins are short-lived: the expired ones go when new ones come
        await session.execute(
            OidcLogin.__table__.delete().where(  # type: ignore[attr-defined]
                col(OidcLogin.expires_at) < now - timedelta(hours=1)
            )
        )
        session.add(
            OidcLogin(
                provider_id=provider_id,
                state_hash=token_hash(state),
                browser_hash=token_hash(browser),
                nonce=nonce,
                code_verifier=verifier,
                redirect_uri=redirect_uri,
                created_at=now,
                expires_at=now + timedelta(minutes=settings.oidc_login_minutes),
            )
        )
    return Started(url=url, browser_secret=browser)


async def _claim_login(
    db: Database, provider_id: str, state: str, browser: str | None
) -> OidcLogin:
    """The login this callback belongs to, used up now (before anything else can fail)."""
    now = utcnow()
    async with db.transaction() as session:
        login = (
            (
                await session.execute(
                    select(OidcLogin).where(col(OidcLogin.state_hash) == token_hash(state))
                )
            )
            .scalars()
            .first()
        )
        if login is None or login.provider_id != provider_id:
            raise OidcError("bad_state", "This sign-in was not started here (unknown state).")
        used = await session.execute(
            update(OidcLogin)
            .where(col(OidcLogin.id) == login.id, col(OidcLogin.used_at).is_(None))
            .values(used_at=now)
        )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise OidcError("bad_state", "This sign-in was already used.")
    if login.expires_at <= now:
        raise OidcError("bad_state", "This sign-in took too long; start again.")
    if browser is None or not constant_time_equals(token_hash(browser), login.browser_hash):
        raise OidcError("bad_state", "This sign-in was started in another browser.")
    return login


def _verified(claims: dict[str, Any]) -> bool:
    value = claims.get("email_verified")
    return value is True or value == "true"


def _claim_values(claims: dict[str, Any], name: str | None) -> list[str]:
    if not name:
        return []
    value = claims.get(name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def role_for(config: OrgSso, values: list[str]) -> Role | None:
    mapped = {Role(config.role_mapping[v]) for v in values if v in config.role_mapping}
    for role in ROLE_ORDER:
        if role in mapped:
            return role
    return Role(config.default_role) if config.default_role else None


async def callback(
    db: Database,
    settings: Settings,
    clients: OidcClients,
    provider_id: str,
    *,
    code: str | None,
    state: str | None,
    error: str | None,
    browser: str | None,
) -> str:
    """Finish a login; the one-time code for the SPA, or OidcError (logged, nothing kept)."""
    email: str | None = None
    try:
        client = _provider(clients, provider_id)
        if not state:
            raise OidcError("bad_state", "The provider's answer has no state.")
        login = await _claim_login(db, provider_id, state, browser)
        if error:
            raise OidcError("provider_refused", f"The provider did not sign you in ({error[:64]}).")
        if not code:
            raise OidcError("token_exchange", "The provider's answer has no code.")
        tokens = await client.exchange(code, login.code_verifier, login.redirect_uri)
        claims = await client.validate_id_token(tokens.id_token, login.nonce, tokens.access_token)
        if "email" not in claims or (client.provider.role_claim or "") not in {"", *claims}:
            claims = {**await client.userinfo(tokens.access_token, claims["sub"]), **claims}
        email = claims.get("email") if isinstance(claims.get("email"), str) else None
        return await _sign_in(db, client.provider, login, claims)
    except OidcError as exc:
        await _log_failure(db, provider_id, exc, email)
        raise


async def _log_failure(db: Database, provider_id: str, exc: OidcError, email: str | None) -> None:
    log.warning("sso: sign-in through %s refused: %s (%s)", provider_id, exc.reason, exc.detail)
    if not email or "@" not in email:
        return
    async with db.transaction() as session:
        config = await SsoRepository(session).for_domain(email.rsplit("@", 1)[1].lower())
        if config is None:
            return
        record(
            session,
            org_id=config.org_id,
            actor=Actor(id=None, name=email.lower()[:200]),
            action="auth.sso_refused",
            object_type="sign_in",
            object_id=provider_id,
            summary=f"Single sign-on of {email.lower()} through {provider_id} refused: "
            f"{exc.detail}",
            after={"provider": provider_id, "reason": exc.reason, "email": email.lower()},
            changes_data=False,
        )


async def _sign_in(
    db: Database, provider: OidcProvider, login: OidcLogin, claims: dict[str, Any]
) -> str:
    subject = str(claims["sub"])[:255]
    raw_email = claims.get("email")
    email = raw_email.strip().lower()[:320] if isinstance(raw_email, str) else ""
    now = utcnow()
    handoff = secrets.token_urlsafe(32)
    async with db.transaction() as session:
        repo = SsoRepository(session)
        domain = email.rsplit("@", 1)[1] if "@" in email else ""
        org_config = await repo.for_domain(domain) if domain else None
        if org_config is not None and org_config.provider_id != provider.id:
            # the domain's organisation signs its people in through another provider
            raise OidcError(
                "wrong_provider",
                f"Addresses at {domain} sign in through their organisation's provider.",
            )
        identity = await repo.identity(provider.id, subject)
        user: User | None = None
        if identity is not None:
            user = await session.get(User, identity.user_id)
        else:
            if not email or not _verified(claims):
                raise OidcError(
                    "email_unverified",
                    "The provider has not verified this e-mail address; it cannot be linked.",
                )
            user = await user_by_email(session, email)
            role = (
                role_for(org_config, _claim_values(claims, provider.role_claim))
                if org_config
                else None
            )
            if user is None:
                if role is None:
                    raise OidcError(
                        "no_account",
                        "No organisation here signs in this address through single sign-on.",
                    )
                name = claims.get("name") if isinstance(claims.get("name"), str) else ""
                user = User(email=email, full_name=(name or email)[:200], password_hash=None)
                session.add(user)
                await session.flush()
            identity = OidcIdentity(
                provider_id=provider.id,
                subject=subject,
                user_id=user.id,
                email=email,
                created_at=now,
            )
            session.add(identity)
        if user is None or not user.is_active:
            raise OidcError("disabled", "This account is disabled.")
        actor = Actor(id=user.id, name=user.full_name or user.email)
        if org_config is not None:
            await _join(session, org_config, user, actor, claims, provider, now)
        identity.last_login_at = now
        user.last_login_at = now
        await session.execute(
            update(OidcLogin)
            .where(col(OidcLogin.id) == login.id)
            .values(handoff_hash=token_hash(handoff), user_id=user.id)
        )
        for org_id in await repo.orgs_of(user.id):
            record(
                session,
                org_id=org_id,
                actor=actor,
                action="auth.sso_login",
                object_type="sign_in",
                object_id=provider.id,
                summary=f"{user.email} signed in through {provider.name}",
                after={"provider": provider.id, "subject": subject, "email": user.email},
                changes_data=False,
            )
    log.info("sso: %s signed in through %s", email or subject, provider.id)
    return handoff


async def _join(
    session: AsyncSession,
    config: OrgSso,
    user: User,
    actor: Actor,
    claims: dict[str, Any],
    provider: OidcProvider,
    now: Any,
) -> None:
    """Just-in-time membership in the domain's organisation (none when no role applies)."""
    if await SsoRepository(session).is_member(config.org_id, user.id):
        return
    role = role_for(config, _claim_values(claims, provider.role_claim))
    if role is None:
        return
    session.add(Membership(org_id=config.org_id, user_id=user.id, role=role, created_at=now))
    await session.flush()
    record(
        session,
        org_id=config.org_id,
        actor=actor,
        action="member.sso_join",
        object_type="membership",
        object_id=user.id,
        summary=f"{user.email} joined as {role.value} by single sign-on ({provider.name})",
        after={"email": user.email, "role": role.value, "provider": provider.id},
    )


async def exchange(db: Database, settings: Settings, code: str, browser: str | None) -> TokenPair:
    """The SPA trades the callback's one-time code (and its browser's cookie) for tokens."""
    now = utcnow()
    async with db.transaction() as session:
        login = (
            (
                await session.execute(
                    select(OidcLogin).where(col(OidcLogin.handoff_hash) == token_hash(code))
                )
            )
            .scalars()
            .first()
        )
        ok = (
            login is not None
            and login.user_id is not None
            and login.used_at is not None
            and login.used_at + timedelta(seconds=HANDOFF_SECONDS) > now
            and browser is not None
            and constant_time_equals(token_hash(browser), login.browser_hash)
        )
        tokens = None
        if ok and login is not None:
            used = await session.execute(
                update(OidcLogin)
                .where(col(OidcLogin.id) == login.id, col(OidcLogin.handoff_used_at).is_(None))
                .values(handoff_used_at=now)
            )
            user = await session.get(User, login.user_id)
            if used.rowcount == 1 and user is not None and user.is_active:  # type: ignore[attr-defined]
                tokens = await issue_tokens(session, settings, user)
    if tokens is None:
        raise Unauthorized("The sign-in code is not valid; sign in again.")
    return tokens


def _read(settings: Settings, config: OrgSso | None, domains: list[str]) -> OrgSsoRead:
    role_claim = None
    if config is not None:
        provider = next((p for p in settings.oidc_providers if p.id == config.provider_id), None)
        role_claim = provider.role_claim if provider else None
    return OrgSsoRead(
        enabled=config is not None,
        provider_id=config.provider_id if config else None,
        domains=domains,
        default_role=Role(config.default_role) if config and config.default_role else None,
        role_mapping={k: Role(v) for k, v in (config.role_mapping if config else {}).items()},
        role_claim=role_claim,
    )


async def get_org_sso(session: AsyncSession, settings: Settings, ctx: OrgContext) -> OrgSsoRead:
    config, domains = await SsoRepository(session).org_settings(ctx.org_id)
    return _read(settings, config, domains)


async def put_org_sso(
    session: AsyncSession, settings: Settings, ctx: OrgContext, data: OrgSsoUpdate
) -> OrgSsoRead:
    """Set the organisation's provider, domains, default role and role mapping (logged)."""
    if data.provider_id not in {p.id for p in settings.oidc_providers}:
        raise Unprocessable("There is no such identity provider.", loc=["body", "provider_id"])
    domains = sorted(set(data.domains))
    repo = SsoRepository(session)
    owners = await repo.domain_owners(domains)
    mine = ctx.org.id
    taken = {d for d, owner in owners.items() if owner != mine}
    if taken:
        raise Unprocessable(
            f"Another organisation uses single sign-on for {', '.join(sorted(taken))}.",
            loc=["body", "domains"],
        )
    config, before_domains = await repo.org_settings(ctx.org_id)
    before = _read(settings, config, before_domains).model_dump(mode="json")
    if config is None:
        config = OrgSso(org_id=ctx.org_id, provider_id=data.provider_id, updated_at=utcnow())
        session.add(config)
    config.provider_id = data.provider_id
    config.default_role = data.default_role
    config.role_mapping = {k: v.value for k, v in data.role_mapping.items()}
    config.updated_at = utcnow()
    await repo.replace_domains(ctx.org_id, domains)
    await session.flush()
    after = _read(settings, config, domains)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="sso.update",
        object_type="sso",
        object_id=ctx.org_id,
        summary=f"Single sign-on through {data.provider_id} for {', '.join(domains)}",
        before=before,
        after=after.model_dump(mode="json"),
    )
    return after


async def delete_org_sso(session: AsyncSession, settings: Settings, ctx: OrgContext) -> None:
    repo = SsoRepository(session)
    config, domains = await repo.org_settings(ctx.org_id)
    if config is None:
        return
    before = _read(settings, config, domains).model_dump(mode="json")
    await repo.replace_domains(ctx.org_id, [])
    await session.delete(config)
    record(
        session,
        org_id=ctx.org_id,
        actor=ctx.actor,
        action="sso.delete",
        object_type="sso",
        object_id=ctx.org_id,
        summary="Single sign-on turned off",
        before=before,
    )
    await session.flush()
