from __future__ import annotations

from collections.abc import Iterator

import pytest
from certready.config import OidcProvider, Settings

from tests.factories.oidc_provider import OpenIdProvider

CALLBACK = "http://testserver/api/v1/auth/oidc/test/callback"


@pytest.fixture(scope="session")
def provider() -> Iterator[OpenIdProvider]:
    """One real OpenID Provider for the session (tests that restart it start their own)."""
    op = OpenIdProvider(redirect_uris=[CALLBACK]).start()
    yield op
    op.stop()


@pytest.fixture
def settings(settings: Settings, provider: OpenIdProvider) -> Settings:
    return settings.model_copy(
        update={"oidc_providers": [OidcProvider.model_validate(provider.settings())]}
    )
