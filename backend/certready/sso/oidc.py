"""The OpenID Connect relying party (issue 17): discovery, JWKS with key rotation, the
authorization request with PKCE (S256), the code exchange and ID-token validation.

Authlib's OpenID Connect pieces do the protocol checks (the PKCE challenge, the ID token's
claims: ``nonce``, ``azp``, ``at_hash``), joserfc (Authlib's JOSE library) verifies the
signature with the provider's keys. Outbound calls go through our own httpx client (short
timeouts, no redirects). Nothing here touches python-jose: our own tokens stay HS256 with
their own verifier (SECURITY.md J2, J3); provider keys are only ever asymmetric.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import anyio
import httpx
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from certready.config import OidcProvider, Settings

log = logging.getLogger("certready.sso")

# Asymmetric algorithms only: an HMAC "key" would be the client secret, which we refuse to
# mix with public keys (SECURITY.md J3); "none" is never accepted.
ALLOWED_ALGS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
METADATA_TTL_SECONDS = 3600
MAX_TOKEN_BYTES = 16 * 1024
MAX_RESPONSE_BYTES = 512 * 1024


class OidcError(Exception):
    """Why a login cannot go on; ``reason`` is a short code for the log and the SPA."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass
class _Cache:
    metadata: dict[str, Any] | None = None
    metadata_at: float = 0.0
    keys: KeySet | None = None
    lock: anyio.Lock = field(default_factory=anyio.Lock)


@dataclass
class Tokens:
    id_token: str
    access_token: str | None


class OidcClient:
    """One deployment provider; its discovery document and keys are cached per process."""

    def __init__(self, provider: OidcProvider, settings: Settings) -> None:
        self.provider = provider
        self.settings = settings
        self._cache = _Cache()

    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=self.settings.oidc_timeout_seconds,
            follow_redirects=False,
            headers={"Accept": "application/json"},
        )

    async def _get_json(self, url: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._http() as http:
                response = await http.get(url, **kwargs)
        except httpx.HTTPError as exc:
            raise OidcError("provider_unreachable", f"The provider did not answer: {exc}") from exc
        return _json(response, url)

    async def metadata(self) -> dict[str, Any]:
        """The discovery document; its ``issuer`` must be exactly the configured one."""
        cache = self._cache
        if (
            cache.metadata is not None
            and time.monotonic() - cache.metadata_at < METADATA_TTL_SECONDS
        ):
            return cache.metadata
        issuer = self.provider.issuer
        doc = await self._get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
        if doc.get("issuer") != issuer:
            raise OidcError("discovery", "The provider's discovery document names another issuer.")
        for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(doc.get(key), str):
                raise OidcError("discovery", f"The provider's discovery document has no {key}.")
        cache.metadata, cache.metadata_at = doc, time.monotonic()
        return doc

    async def _keys(self, *, refresh: bool) -> KeySet:
        async with self._cache.lock:
            if self._cache.keys is None or refresh:
                jwks_uri = (await self.metadata())["jwks_uri"]
                doc = await self._get_json(jwks_uri)
                try:
                    public = [k for k in doc.get("keys", []) if "d" not in k]
                    self._cache.keys = KeySet.import_key_set({"keys": public})
                except (JoseError, ValueError, TypeError) as exc:
                    raise OidcError("jwks", "The provider's key set cannot be read.") from exc
                log.info("sso: fetched %d key(s) of %s", len(public), self.provider.id)
            return self._cache.keys

    async def authorization_url(
        self, redirect_uri: str, state: str, nonce: str, code_verifier: str
    ) -> str:
        meta = await self.metadata()
        params = {
            "response_type": "code",
            "client_id": self.provider.client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(self.provider.scopes),
            "state": state,
            "nonce": nonce,
            "code_challenge": create_s256_code_challenge(code_verifier),
            "code_challenge_method": "S256",
        }
        endpoint: str = meta["authorization_endpoint"]
        return endpoint + ("&" if "?" in endpoint else "?") + urlencode(params)

    async def exchange(self, code: str, code_verifier: str, redirect_uri: str) -> Tokens:
        meta = await self.metadata()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": code_verifier,
        }
        secret = self.provider.client_secret
        auth = (
            httpx.BasicAuth(self.provider.client_id, secret.get_secret_value()) if secret else None
        )
        if auth is None:
            form["client_id"] = self.provider.client_id
        try:
            async with self._http() as http:
                if auth is None:
                    response = await http.post(meta["token_endpoint"], data=form)
                else:
                    response = await http.post(meta["token_endpoint"], data=form, auth=auth)
        except httpx.HTTPError as exc:
            raise OidcError("provider_unreachable", f"The provider did not answer: {exc}") from exc
        if response.status_code != 200:
            error = _error_code(response)
            raise OidcError("token_exchange", f"The provider refused the code ({error}).")
        body = _json(response, meta["token_endpoint"])
        id_token = body.get("id_token")
        if not isinstance(id_token, str):
            raise OidcError("token_exchange", "The provider returned no ID token.")
        access = body.get("access_token")
        return Tokens(id_token=id_token, access_token=access if isinstance(access, str) else None)

    async def validate_id_token(
        self, id_token: str, nonce: str, access_token: str | None
    ) -> dict[str, Any]:
        """The ID token's claims after checking signature, alg, iss, aud, exp, iat, nonce."""
        if len(id_token) > MAX_TOKEN_BYTES:
            raise OidcError("id_token", "The ID token is too large.")
        meta = await self.metadata()
        try:
            header = jws.extract_compact(id_token.encode()).headers()
        except (JoseError, ValueError) as exc:
            raise OidcError("id_token", "The ID token is malformed.") from exc
        alg = header.get("alg")
        offered = set(meta.get("id_token_signing_alg_values_supported") or ["RS256"])
        if alg not in offered or alg not in ALLOWED_ALGS:
            raise OidcError("id_token", f"The ID token's algorithm {alg!r} is not accepted.")
        if {"jku", "x5u", "jwk"} & set(header):
            raise OidcError("id_token", "The ID token names its own key; refused.")
        kid = header.get("kid")
        keys = await self._keys(refresh=False)
        if not _has_key(keys, kid):
            # the provider rotated its keys: fetch the key set again, once
            keys = await self._keys(refresh=True)
            if not _has_key(keys, kid):
                raise OidcError("id_token", "The ID token is signed with an unknown key.")
        try:
            token = jws.deserialize_compact(id_token.encode(), keys, algorithms=[alg])
        except (JoseError, ValueError) as exc:
            raise OidcError("id_token", "The ID token's signature is wrong.") from exc
        try:
            import json

            claims = json.loads(token.payload or b"")
        except ValueError as exc:
            raise OidcError("id_token", "The ID token is malformed.") from exc
        if not isinstance(claims, dict):
            raise OidcError("id_token", "The ID token is malformed.")
        checked = CodeIDToken(
            claims,
            header,
            options={
                "iss": {"essential": True, "value": self.provider.issuer},
                "aud": {"essential": True, "value": self.provider.client_id},
            },
            params={
                "nonce": nonce,
                "client_id": self.provider.client_id,
                "access_token": access_token,
            },
        )
        skew = self.settings.oidc_clock_skew_seconds
        try:
            checked.validate(now=int(time.time()), leeway=skew)
        except JoseError as exc:
            raise OidcError("id_token", f"The ID token is not valid: {exc}") from exc
        if claims.get("nonce") != nonce:
            raise OidcError("id_token", "The ID token's nonce is not this login's.")
        return claims

    async def userinfo(self, access_token: str | None, subject: str) -> dict[str, Any]:
        """The UserInfo claims, for a provider that keeps e-mail or roles out of the ID token;
        its ``sub`` must be the ID token's."""
        endpoint = (await self.metadata()).get("userinfo_endpoint")
        if not access_token or not isinstance(endpoint, str):
            return {}
        info = await self._get_json(endpoint, headers={"Authorization": f"Bearer {access_token}"})
        if info.get("sub") != subject:
            raise OidcError("userinfo", "The provider's UserInfo names another person.")
        return info


def _has_key(keys: KeySet, kid: object) -> bool:
    if kid is None:
        return len(keys.keys) == 1
    return any(k.kid == kid for k in keys.keys)


def _json(response: httpx.Response, url: str) -> dict[str, Any]:
    if response.status_code != 200 or len(response.content) > MAX_RESPONSE_BYTES:
        raise OidcError("provider_error", f"The provider answered {response.status_code} at {url}.")
    try:
        body = response.json()
    except ValueError as exc:
        raise OidcError("provider_error", f"The provider's answer at {url} is not JSON.") from exc
    if not isinstance(body, dict):
        raise OidcError("provider_error", f"The provider's answer at {url} is not an object.")
    return body


def _error_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return str(response.status_code)
    error = body.get("error") if isinstance(body, dict) else None
    return str(error)[:64] if error else str(response.status_code)


class OidcClients:
    """The deployment's providers by id (kept on the app: their caches live per process)."""

    def __init__(self, settings: Settings) -> None:
        self.clients = {p.id: OidcClient(p, settings) for p in settings.oidc_providers}

    def get(self, provider_id: str) -> OidcClient | None:
        return self.clients.get(provider_id)
