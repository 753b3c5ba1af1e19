/**
 * Where the SPA keeps its tokens.
 *
 * Both the access token and the refresh token live in `sessionStorage` (with an
 * in-memory copy): a reload or a deep link in the same tab keeps the session,
 * closing the tab ends it, and nothing outlives the browser session on a shared
 * machine (no localStorage, no cookies, so no CSRF surface). Tokens are only ever
 * sent in the `Authorization` header or in the refresh/logout request bodies,
 * never in URLs. The strict CSP (no inline or third-party scripts) and text-only
 * rendering of user data are what protect this storage from XSS.
 */

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

/** The token endpoint's answer (`POST /auth/token` and `/auth/refresh`). */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export function tokensFromResponse(r: TokenResponse, now: number = Date.now()): Tokens {
  return { accessToken: r.access_token, refreshToken: r.refresh_token, expiresAt: now + r.expires_in * 1000 };
}

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const STORAGE_KEY = "certready.session";

export class TokenStore {
  private cache: Tokens | null | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: KeyValueStorage | null) {}

  get(): Tokens | null {
    if (this.cache === undefined) this.cache = this.read();
    return this.cache;
  }

  set(tokens: Tokens): void {
    this.cache = tokens;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
    } catch {
      // Storage full or disabled: the in-memory copy still works for this page.
    }
    this.emit();
  }

  clear(): void {
    this.cache = null;
    try {
      this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // ignore, see set()
    }
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private read(): Tokens | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      if (
        typeof parsed === "object" && parsed !== null &&
        typeof (parsed as Tokens).accessToken === "string" &&
        typeof (parsed as Tokens).refreshToken === "string" &&
        typeof (parsed as Tokens).expiresAt === "number"
      ) {
        return parsed as Tokens;
      }
    } catch {
      // corrupt entry: treat as logged out
    }
    return null;
  }
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof window !== "undefined" ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

export const tokenStore = new TokenStore(defaultStorage());
