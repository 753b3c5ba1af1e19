import { describe, expect, it } from "vitest";
import { filenameFrom } from "./download";

describe("filenameFrom", () => {
  it("reads the quoted file name of an attachment", () => {
    expect(filenameFrom('attachment; filename="certready-acme-compliance-matrix-20261202.xlsx"', "x.xlsx")).toBe(
      "certready-acme-compliance-matrix-20261202.xlsx",
    );
  });

  it("reads an unquoted file name", () => {
    expect(filenameFrom("attachment; filename=matrix.xlsx", "x.xlsx")).toBe("matrix.xlsx");
  });

  it("falls back without a header or with a path in the name", () => {
    expect(filenameFrom(null, "fallback.xlsx")).toBe("fallback.xlsx");
    expect(filenameFrom('attachment; filename="../etc/passwd"', "fallback.xlsx")).toBe("fallback.xlsx");
  });
});
