import { describe, expect, it } from "vitest";
import { EMPTY_FORM, describeFilters, records, drawBody, filtersFromForm, formFromFilters, kindsFor, sameFilters } from "./sample";

describe("kindsFor", () => {
  it("offers the kinds whose clause the line samples", () => {
    expect(kindsFor(["8.6.1"])).toEqual(["incident"]);
    expect(kindsFor(["8.6.3"])).toEqual(["problem", "known_error"]);
    expect(kindsFor([])).toEqual([]);
  });
});

describe("filters", () => {
  it("drops blank fields and trims the service", () => {
    expect(filtersFromForm(EMPTY_FORM)).toEqual({});
    expect(filtersFromForm({ ...EMPTY_FORM, service_key: "  payroll ", kind: "incident", opened_from: "2025-01-01" })).toEqual({
      service_key: "payroll",
      kind: "incident",
      opened_from: "2025-01-01",
    });
    expect(filtersFromForm({ ...EMPTY_FORM, service_key: "   " })).toEqual({});
  });

  it("round-trips the stored filters through the form", () => {
    const stored = { kind: "change" as const, priority: "high" as const, opened_to: "2025-03-31" };
    expect(filtersFromForm(formFromFilters(stored))).toEqual(stored);
    expect(formFromFilters({})).toEqual(EMPTY_FORM);
  });

  it("compares filters with unset and null alike", () => {
    expect(sameFilters({}, { kind: null, service_key: undefined })).toBe(true);
    expect(sameFilters({ kind: "incident" }, { kind: "incident", priority: null })).toBe(true);
    expect(sameFilters({ kind: "incident" }, {})).toBe(false);
    expect(sameFilters({ opened_from: "2025-01-01" }, { opened_from: "2025-01-02" })).toBe(false);
  });

  it("describes them in words", () => {
    expect(describeFilters({})).toBe("no filter");
    expect(describeFilters({ kind: "incident", priority: "very_low", service_key: "payroll" })).toBe(
      "Incident, priority very low, service payroll",
    );
    expect(describeFilters({ opened_from: "2025-01-01", opened_to: "2025-03-31" })).toBe("opened 2025-01-01 to 2025-03-31");
    expect(describeFilters({ opened_to: "2025-03-31" })).toBe("opened until 2025-03-31");
  });
});

describe("records", () => {
  it("counts in words", () => {
    expect(records(0)).toBe("0 records");
    expect(records(1)).toBe("1 record");
    expect(records(25)).toBe("25 records");
  });
});

describe("drawBody", () => {
  it("sends size and seed only when given as whole numbers", () => {
    expect(drawBody(EMPTY_FORM, "", "")).toEqual({});
    expect(drawBody({ ...EMPTY_FORM, kind: "incident" }, 3, 0)).toEqual({ kind: "incident", size: 3, seed: 0 });
    expect(drawBody(EMPTY_FORM, "4", "12345")).toEqual({ size: 4, seed: 12345 });
    expect(drawBody(EMPTY_FORM, 2.5, "x")).toEqual({});
  });
});
