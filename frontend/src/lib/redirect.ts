/**
 * Accept only same-origin, absolute-path redirect targets after login, so a crafted
 * `/login?redirect=` link cannot send the user to another site.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return undefined;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/setup")) return undefined;
  return value;
}
