// A real OpenID Provider for the tests (issue 17): panva's oidc-provider, OpenID-certified.
// Started by tests/sso/provider.py with one argument, a JSON file:
//   { "port": 0, "issuer": "http://127.0.0.1:PORT", "clients": [...], "users": {...},
//     "jwks": {"keys": [private JWKs]}, "id_token_ttl": 600 }
// Logins go through the provider's own development interactions (a login form that
// takes the user's id as login and any password, then a consent form), so the tests and the
// browser drive the real interaction pages. Prints "listening PORT" once it accepts.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// A provider whose clock is off by clock_offset seconds (the expired / clock-skew tests):
// everything it stamps (iat, exp of the ID token) is shifted.
if (config.clock_offset) {
  const realNow = Date.now;
  Date.now = () => realNow() + config.clock_offset * 1000;
}

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: config.jwks,
  cookies: { keys: [config.cookie_key] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  // the ID token carries the requested claims (as Keycloak and Entra ID do); the client
  // still reads the UserInfo endpoint for a provider that only puts them there
  conformIdTokenClaims: config.conform_id_token_claims ?? false,
  pkce: { required: () => true },
  ttl: { IdToken: config.id_token_ttl ?? 600, AccessToken: 600, AuthorizationCode: 60 },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    const user = config.users[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, ...user };
      },
    };
  },
});

const server = provider.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
