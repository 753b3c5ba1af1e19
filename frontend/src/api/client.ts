/**
 * Wires the generated client (src/api/gen) to the session: bearer header,
 * refresh-and-retry on 401, and every error turned into an `ApiProblem`.
 * All API traffic goes through the generated SDK; nothing calls fetch by hand.
 */
import { client } from "./gen/client.gen";
import { authRefreshToken } from "./gen/sdk.gen";
import { ApiProblem, networkProblem, toApiProblem } from "../lib/problem";
import { createSession } from "../lib/auth/session";
import { tokenStore, tokensFromResponse } from "../lib/auth/tokens";

type ExpiredListener = () => void;
let expiredListener: ExpiredListener = () => {};

/** The app registers what to do when the session is gone (clear caches, go to /login). */
export function onSessionExpired(listener: ExpiredListener): void {
  expiredListener = listener;
}

export const session = createSession({
  store: tokenStore,
  refresh: async (refreshToken) => {
    const { data } = await authRefreshToken({ body: { refresh_token: refreshToken } });
    return tokensFromResponse(data);
  },
  onSessionExpired: () => expiredListener(),
});

let configured = false;

export function configureApiClient(): void {
  if (configured) return;
  configured = true;
  // Same origin: the backend serves both the SPA and /api (Vite proxies /api in development).
  client.setConfig({
    baseUrl: "",
    throwOnError: true,
    fetch: (input, init) => session.fetch(input instanceof Request && !init ? input : new Request(input, init)),
  });
  client.interceptors.request.use((request) => session.authorize(request));
  client.interceptors.error.use((error, response) =>
    // No response: fetch itself failed (network down, aborted).
    response
      ? ApiProblem.fromResponse(error, response)
      : error instanceof DOMException && error.name === "AbortError"
        ? toApiProblem(error)
        : networkProblem(),
  );
}
