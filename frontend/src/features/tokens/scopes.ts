import type { ApiTokenRead, TokenScope } from "../../api/gen/types.gen";

export const SCOPES: readonly TokenScope[] = ["read", "evidence:read", "evidence:write"];

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read everything",
  "evidence:read": "Read evidence",
  "evidence:write": "Upload evidence",
};

export type TokenState = "active" | "revoked" | "expired";

/** A token's state from what the server decided when it listed it (`active`). */
export function tokenState(token: Pick<ApiTokenRead, "revoked_at" | "active">): TokenState {
  if (token.revoked_at) return "revoked";
  return token.active ? "active" : "expired";
}
