import { describe, expect, it } from "vitest";

import { downloadUrl, exportPath } from "./ticket";

describe("downloadUrl", () => {
  it("repeats lists and leaves out empty values and false", () => {
    const url = downloadUrl(exportPath("acme", "evidence-pack.zip"), {
      clause: ["8.6", "8.7"],
      documented_information: [],
      approved_only: false,
      compliance_matrix: true,
      audit_id: undefined,
      versions: "",
    });
    expect(url).toBe("/api/v1/orgs/acme/exports/evidence-pack.zip?clause=8.6&clause=8.7&compliance_matrix=true");
  });

  it("is the bare path without parameters", () => {
    expect(downloadUrl(exportPath("acme", "compliance-matrix.xlsx"))).toBe("/api/v1/orgs/acme/exports/compliance-matrix.xlsx");
  });
});
