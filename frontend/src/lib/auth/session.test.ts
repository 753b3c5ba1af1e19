import { describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../problem";
import { createSession, EXPIRY_SKEW_MS, isAuthEndpoint } from "./session";
import { TokenStore, tokensFromResponse, type Tokens } from "./tokens";

const NOW = 1_800_000_000_000;
const API = "http://app.test/api/v1";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

function tokens(n: number, expiresAt = NOW + 900_000): Tokens {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresAt };
}

/** A fake server: 401 unless the bearer is the currently valid access token. */
function setup(opts: { initial?: Tokens | null; refreshFails?: number } = {}) {
  const store = new TokenStore(memoryStorage());
  if (opts.initial !== null) store.set(opts.initial ?? tokens(1));
  let valid = store.get()?.accessToken ?? "";
  let generation = 1;
  const seen: { url: string; auth: string | null; body: string }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    seen.push({ url: request.url, auth: request.headers.get("Authorization"), body: await request.text() });
    return request.headers.get("Authorization") === `Bearer ${valid}`
      ? new Response("{}", { status: 200 })
      : new Response("{}", { status: 401 });
  });
  const refresh = vi.fn(async (refreshToken: string) => {
    await Promise.resolve();
    if (opts.refreshFails !== undefined) throw new ApiProblem({ title: "Unauthorized", status: opts.refreshFails });
    expect(refreshToken).toBe(`refresh-${generation}`);
    generation += 1;
    const next = tokens(generation);
    valid = next.accessToken;
    return next;
  });
  const onSessionExpired = vi.fn();
  const session = createSession({ store, refresh, onSessionExpired, fetch, now: () => NOW });
  const send = (path = "/orgs", init?: RequestInit) =>
    session.fetch(session.authorize(new Request(`${API}${path}`, init)));
  return {
    store, fetch, refresh, onSessionExpired, session, seen, send,
    expireAccessToken: () => { valid = "server-rotated-key"; },
  };
}

describe("token store", () => {
  it("round-trips through storage and notifies subscribers", () => {
    const storage = memoryStorage();
    const a = new TokenStore(storage);
    const listener = vi.fn();
    a.subscribe(listener);
    a.set(tokensFromResponse({ access_token: "a", refresh_token: "r", expires_in: 900 }, NOW));
    expect(new TokenStore(storage).get()).toEqual({ accessToken: "a", refreshToken: "r", expiresAt: NOW + 900_000 });
    a.clear();
    expect(new TokenStore(storage).get()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("treats a corrupt entry as logged out", () => {
    const storage = memoryStorage();
    storage.setItem("certready.session", "{not json");
    expect(new TokenStore(storage).get()).toBeNull();
  });
});

describe("session", () => {
  it("adds the bearer header", async () => {
    const t = setup();
    const res = await t.send();
    expect(res.status).toBe(200);
    expect(t.seen[0]?.auth).toBe("Bearer access-1");
    expect(t.refresh).not.toHaveBeenCalled();
  });

  it("never sends the bearer to the token and refresh endpoints", () => {
    const t = setup();
    const req = t.session.authorize(new Request(`${API}/auth/token`, { method: "POST" }));
    expect(req.headers.get("Authorization")).toBeNull();
    expect(isAuthEndpoint(`${API}/auth/refresh`)).toBe(true);
    expect(isAuthEndpoint(`${API}/orgs/auth`)).toBe(false);
  });

  it("on 401 refreshes once and replays the request with its body", async () => {
    const t = setup();
    t.expireAccessToken();
    const res = await t.send("/orgs", { method: "POST", body: JSON.stringify({ name: "Acme" }), headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(200);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.seen.map((s) => s.auth)).toEqual(["Bearer access-1", "Bearer access-2"]);
    expect(t.seen[1]?.body).toBe('{"name":"Acme"}');
    expect(t.store.get()?.refreshToken).toBe("refresh-2");
  });

  it("shares one refresh between parallel 401s (refresh tokens rotate)", async () => {
    const t = setup();
    t.expireAccessToken();
    const results = await Promise.all([t.send("/a"), t.send("/b"), t.send("/c")]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(t.refresh).toHaveBeenCalledTimes(1);
  });

  it("refreshes ahead of expiry instead of waiting for a 401", async () => {
    const t = setup({ initial: tokens(1, NOW + EXPIRY_SKEW_MS - 1) });
    t.expireAccessToken();
    const res = await t.send();
    expect(res.status).toBe(200);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.seen.map((s) => s.auth)).toEqual(["Bearer access-2"]);
  });

  it("ends the session when the refresh is refused, and does not loop", async () => {
    const t = setup({ refreshFails: 401 });
    t.expireAccessToken();
    const res = await t.send();
    expect(res.status).toBe(401);
    expect(t.fetch).toHaveBeenCalledTimes(1);
    expect(t.onSessionExpired).toHaveBeenCalledTimes(1);
    expect(t.store.get()).toBeNull();
  });

  it("keeps the session when the refresh fails for network reasons", async () => {
    const t = setup({ refreshFails: 0 });
    t.expireAccessToken();
    const res = await t.send();
    expect(res.status).toBe(401);
    expect(t.onSessionExpired).not.toHaveBeenCalled();
    expect(t.store.get()?.refreshToken).toBe("refresh-1");
  });

  it("does not refresh for login failures", async () => {
    const t = setup();
    const res = await t.session.fetch(t.session.authorize(new Request(`${API}/auth/token`, { method: "POST", body: "username=a&password=b" })));
    expect(res.status).toBe(401);
    expect(t.refresh).not.toHaveBeenCalled();
    expect(t.onSessionExpired).not.toHaveBeenCalled();
  });

  it("without a session, just passes the 401 on", async () => {
    const t = setup({ initial: null });
    const res = await t.send();
    expect(res.status).toBe(401);
    expect(t.refresh).not.toHaveBeenCalled();
    expect(t.seen[0]?.auth).toBeNull();
  });

  it("a replayed request that still gets 401 is returned as is", async () => {
    const t = setup();
    // The server rejects every token, even fresh ones.
    t.fetch.mockImplementation(async () => new Response("{}", { status: 401 }));
    const res = await t.send();
    expect(res.status).toBe(401);
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(t.fetch).toHaveBeenCalledTimes(2);
  });
});
