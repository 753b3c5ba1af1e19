"""A real OpenID Provider for the tests: panva's oidc-provider (tests/oidc_provider, run
with the machine's Node), on a free local port, with a registered client and users.

``drive_login`` plays the person at the provider without a browser: it follows the
provider's own interaction pages (the login form, then the consent form) with httpx until
the provider redirects back to our callback, and returns that URL.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
from joserfc.jwk import RSAKey

PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc_provider"
CLIENT_ID = "certready-test"
CLIENT_SECRET = "test-client-secret-0123456789abcdef"
# provider users: the login at the provider's form -> their claims
USERS: dict[str, dict[str, Any]] = {
    "alice": {
        "email": "alice@acme.example",
        "email_verified": True,
        "name": "Alice Auditor",
        "groups": ["staff", "certready-auditors"],
    },
    "bob": {"email": "bob@acme.example", "email_verified": True, "name": "Bob Builder"},
    "carol": {"email": "carol@acme.example", "email_verified": False, "name": "Carol Unverified"},
    "admin": {"email": "admin@acme.example", "email_verified": True, "name": "Ada Admin"},
    "gina": {"email": "gina@globex.example", "email_verified": True, "name": "Gina Globex"},
    "nora": {"email": "nora@nowhere.example", "email_verified": True, "name": "Nora Nowhere"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def new_key(kid: str) -> dict[str, Any]:
    key = RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})
    return key.as_dict(private=True)


def node() -> str:
    path = shutil.which("node")
    if path is None or not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        raise RuntimeError(
            "the test OpenID Provider needs Node and `npm ci` in tests/oidc_provider "
            "(make test-backend does it)"
        )
    return path


@dataclass
class OpenIdProvider:
    redirect_uris: list[str]
    port: int = field(default_factory=free_port)
    keys: list[dict[str, Any]] = field(default_factory=lambda: [new_key("key-1")])
    id_token_ttl: int = 600
    clock_offset: int = 0
    users: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(USERS))
    _process: subprocess.Popen[str] | None = None
    _dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="oidc-op-")))

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self, provider_id: str = "test", **extra: Any) -> dict[str, Any]:
        """The CERTREADY_OIDC_PROVIDERS entry for this provider."""
        return {
            "id": provider_id,
            "name": "Test IdP",
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "scopes": ["openid", "email", "profile", "groups"],
            "role_claim": "groups",
            **extra,
        }

    def start(self) -> OpenIdProvider:
        config = {
            "port": self.port,
            "issuer": self.issuer,
            "cookie_key": "test-provider-cookie-key-0123456789",
            "id_token_ttl": self.id_token_ttl,
            "clock_offset": self.clock_offset,
            "jwks": {"keys": self.keys},
            "users": self.users,
            "clients": [
                {
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "redirect_uris": self.redirect_uris,
                    "grant_types": ["authorization_code"],
                    "response_types": ["code"],
                    "token_endpoint_auth_method": "client_secret_basic",
                }
            ],
        }
        path = self._dir / "config.json"
        path.write_text(json.dumps(config))
        self._process = subprocess.Popen(
            [node(), str(PROVIDER_DIR / "provider.mjs"), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=PROVIDER_DIR,
        )
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith("listening"):
                break
        else:
            raise RuntimeError(f"the OpenID Provider did not start (exit {self._process.wait()})")
        return self

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None

    def restart(self, **changes: Any) -> None:
        """Start again on the same port (the same issuer) with new keys or token lifetime."""
        self.stop()
        for name, value in changes.items():
            setattr(self, name, value)
        self.start()


_FORM = re.compile(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', re.S)
_INPUT = re.compile(r'<input[^>]*name="([^"]+)"(?:[^>]*value="([^"]*)")?[^>]*>')


async def drive_login(authorize_url: str, login: str, redirect_prefix: str) -> str:
    """Sign in as ``login`` at the provider (login form, then consent); the callback URL."""
    async with httpx.AsyncClient(timeout=15) as browser:
        url = authorize_url
        response = await browser.get(url)
        for _ in range(20):
            if response.is_redirect:
                url = urljoin(url, response.headers["location"])
                if url.startswith(redirect_prefix):
                    return url
                response = await browser.get(url)
                continue
            assert response.status_code == 200, response.text[:500]
            match = _FORM.search(response.text)
            assert match, response.text[:500]
            action, body = html.unescape(match.group(1)), match.group(2)
            fields = {name: html.unescape(value or "") for name, value in _INPUT.findall(body)}
            if "login" in fields:
                fields.update(login=login, password="any password")
            url = urljoin(url, action)
            response = await browser.post(url, data=fields)
        raise AssertionError("the provider never redirected back")
