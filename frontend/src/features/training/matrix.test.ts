import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../lib/problem";
import { cellTitle, csvRowErrors, roleOptions } from "./matrix";

describe("roleOptions", () => {
  it("merges roles of people and requirements", () => {
    expect(roleOptions([{ effective_role_keys: ["sms_manager", "Change manager"] }], [{ role_key: "process_owner" }, { role_key: "sms_manager" }])).toEqual([
      "Change manager",
      "process_owner",
      "sms_manager",
    ]);
  });
});

describe("csvRowErrors", () => {
  it("reads line and column from each error, sorted by line", () => {
    const problem = new ApiProblem({
      title: "Unprocessable",
      status: 422,
      errors: [
        { loc: ["body", 3, "completed_on"], msg: "Not a date (YYYY-MM-DD).", type: "value_error" },
        { loc: ["body", 2, "email"], msg: "Required.", type: "value_error" },
        { loc: ["body"], msg: "The CSV file is empty.", type: "value_error" },
      ],
    });
    expect(csvRowErrors(problem)).toEqual([
      { line: null, column: "", message: "The CSV file is empty." },
      { line: 2, column: "email", message: "Required." },
      { line: 3, column: "completed_on", message: "Not a date (YYYY-MM-DD)." },
    ]);
  });
});

describe("cellTitle", () => {
  it("explains the state", () => {
    expect(cellTitle("expired", "ITIL", ["sms_manager"], "2026-01-01")).toBe("ITIL: Expired, expires 2026-01-01 (required by sms_manager)");
  });
});
