import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH, slugError, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Acme IT", "acme-it"],
    ["  Acme   IT  Services GmbH ", "acme-it-services-gmbh"],
    ["Müller & Söhne", "muller-and-sohne"],
    ["Straße Ærø", "strasse-aero"],
    ["École Polytechnique", "ecole-polytechnique"],
    ["--IT@Home!!--", "it-home"],
    ["ÅÉÎÕÜ", "aeiou"],
    ["日本", ""],
    ["", ""],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("caps the length without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(62)} b`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("always yields a valid slug for ordinary names", () => {
    for (const name of ["Acme IT", "ACME Corp. (EMEA)", "a1 b2 c3", "Service Desk 24/7"]) {
      expect(slugError(slugify(name))).toBeNull();
    }
  });
});

describe("slugError", () => {
  it("rejects what the API rejects", () => {
    expect(slugError("a")).not.toBeNull();
    expect(slugError("-acme")).not.toBeNull();
    expect(slugError("acme-")).not.toBeNull();
    expect(slugError("Acme")).not.toBeNull();
    expect(slugError("ac me")).not.toBeNull();
    expect(slugError("a".repeat(64))).not.toBeNull();
    expect(slugError("acme-it")).toBeNull();
  });
});
