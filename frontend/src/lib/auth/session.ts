/**
 * Bearer auth with one transparent refresh.
 *
 * `authorize` is used as the generated client's request interceptor (adds the
 * `Authorization` header); `fetch` is given to the client as its fetch
 * implementation: it refreshes an access token that is about to expire, and on
 * a 401 it refreshes once and replays the request. Refreshes are single-flight:
 * refresh tokens rotate and the server revokes the whole family when an old one
 * is reused, so two parallel refreshes would log the user out.
 */
import { toApiProblem } from "../problem";
import type { TokenStore, Tokens } from "./tokens";

export interface SessionDeps {
  store: TokenStore;
  /** Exchange a refresh token for a new pair; throws (ApiProblem) on failure. */
  refresh: (refreshToken: string) => Promise<Tokens>;
  /** Called once the session cannot be recovered (refresh refused): go to the login page. */
  onSessionExpired: () => void;
  /** The network (defaults to the global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  now?: () => number;
}

/** Refresh this long before the access token's expiry instead of waiting for a 401. */
export const EXPIRY_SKEW_MS = 30_000;

const AUTH_PATH = /\/api\/v1\/auth\/(token|refresh|logout)\/?$/;
const CREDENTIAL_PATH = /\/api\/v1\/auth\/(token|refresh)\/?$/;

function pathOf(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return url;
  }
}

/** Login, refresh and logout answer 401 for their own reasons; never refresh-and-retry them. */
export function isAuthEndpoint(url: string): boolean {
  return AUTH_PATH.test(pathOf(url));
}

/** Requests that carry credentials in the body and must not send a (possibly stale) bearer. */
function isCredentialEndpoint(url: string): boolean {
  return CREDENTIAL_PATH.test(pathOf(url));
}

export interface Session {
  authorize: (request: Request) => Request;
  fetch: (request: Request) => Promise<Response>;
  /** Refresh now (single-flight); resolves to the new access token or null. */
  refresh: () => Promise<string | null>;
  /** Refresh only if the access token is (about to be) expired. */
  ensureFresh: () => Promise<void>;
}

export function createSession(deps: SessionDeps): Session {
  const baseFetch = deps.fetch ?? ((request: Request) => globalThis.fetch(request));
  const now = deps.now ?? Date.now;
  let inflight: Promise<string | null> | null = null;

  async function doRefresh(): Promise<string | null> {
    const current = deps.store.get();
    if (!current) return null;
    try {
      const next = await deps.refresh(current.refreshToken);
      deps.store.set(next);
      return next.accessToken;
    } catch (error) {
      const status = toApiProblem(error).status;
      if (status >= 400 && status < 500) {
        // Refresh token expired, revoked or reused: the session is over.
        deps.store.clear();
        deps.onSessionExpired();
      }
      // Network or server trouble: keep the tokens, the caller sees the original error.
      return null;
    }
  }

  function refresh(): Promise<string | null> {
    if (!inflight) {
      const p = doRefresh();
      inflight = p;
      void p.finally(() => {
        if (inflight === p) inflight = null;
      });
    }
    return inflight;
  }

  function authorize(request: Request): Request {
    const tokens = deps.store.get();
    if (tokens && !isCredentialEndpoint(request.url) && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${tokens.accessToken}`);
    }
    return request;
  }

  function withToken(request: Request, accessToken: string): Request {
    request.headers.set("Authorization", `Bearer ${accessToken}`);
    return request;
  }

  async function fetchWithRefresh(request: Request): Promise<Response> {
    if (isAuthEndpoint(request.url)) return baseFetch(request);
    let tokens = deps.store.get();
    if (!tokens) return baseFetch(request);

    if (tokens.expiresAt - EXPIRY_SKEW_MS <= now()) {
      const fresh = await refresh();
      tokens = deps.store.get();
      if (fresh) request = withToken(request, fresh);
      else if (!tokens) return baseFetch(request); // session ended: let the server answer 401
    }

    const sentToken = request.headers.get("Authorization")?.replace(/^Bearer /, "") ?? null;
    const replay = request.clone(); // the body can be read once; keep a copy for the retry
    const response = await baseFetch(request);
    if (response.status !== 401) return response;

    // Another request may already have refreshed while this one was in flight.
    const current = deps.store.get();
    let accessToken: string | null;
    if (current && current.accessToken !== sentToken) accessToken = current.accessToken;
    else accessToken = await refresh();
    if (!accessToken) return response;
    return baseFetch(withToken(replay, accessToken));
  }

  async function ensureFresh(): Promise<void> {
    const tokens = deps.store.get();
    if (tokens && tokens.expiresAt - EXPIRY_SKEW_MS <= now()) await refresh();
  }

  return { authorize, fetch: fetchWithRefresh, refresh, ensureFresh };
}
