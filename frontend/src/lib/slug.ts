/** Organisation slugs: lower-case ASCII letters, digits and single hyphens, 2-63 characters. */
export const SLUG_MAX_LENGTH = 63;
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Derive a URL slug from a display name: "Acme IT Services GmbH" → "acme-it-services-gmbh". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // strip accents left by NFKD
    .replace(/ß/g, "ss")
    .replace(/[æ]/gi, "ae")
    .replace(/[ø]/gi, "o")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, "");
}

/** A user-facing reason why `slug` is not acceptable, or null. */
export function slugError(slug: string): string | null {
  if (slug.length < 2) return "Use at least 2 characters";
  if (slug.length > SLUG_MAX_LENGTH) return `Use at most ${SLUG_MAX_LENGTH} characters`;
  if (!SLUG_PATTERN.test(slug) || slug.includes("--")) {
    return "Use lower-case letters, digits and single hyphens (not at the start or end)";
  }
  return null;
}
