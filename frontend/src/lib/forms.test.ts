import { describe, expect, it, vi } from "vitest";

vi.mock("./notify", () => ({ notifyProblem: vi.fn() }));

import { fieldPaths, handleFormError } from "./forms";
import { notifyProblem } from "./notify";
import { ApiProblem } from "./problem";

describe("fieldPaths", () => {
  it("lists nested paths", () => {
    expect(fieldPaths({ organisation: { name: "", slug: "" }, confirm: "" })).toEqual([
      "organisation", "organisation.name", "organisation.slug", "confirm",
    ]);
  });
});

describe("handleFormError", () => {
  it("sets field errors for a 422 and notifies about the rest", () => {
    const form = { getValues: () => ({ admin: { email: "" } }), setErrors: vi.fn() };
    const problem = new ApiProblem({
      title: "Unprocessable Content",
      status: 422,
      errors: [
        { loc: ["body", "admin", "email"], msg: "value is not a valid email address", type: "value_error" },
        { loc: ["body", "other"], msg: "bad", type: "value_error" },
      ],
    });
    handleFormError(form, problem);
    expect(form.setErrors).toHaveBeenCalledWith({ "admin.email": "value is not a valid email address" });
    expect(notifyProblem).toHaveBeenCalledTimes(1);
  });

  it("notifies for other statuses without touching the fields", () => {
    vi.mocked(notifyProblem).mockClear();
    const form = { getValues: () => ({ slug: "" }), setErrors: vi.fn() };
    handleFormError(form, new ApiProblem({ title: "Conflict", status: 409, detail: "Slug taken" }));
    expect(form.setErrors).not.toHaveBeenCalled();
    expect(notifyProblem).toHaveBeenCalledTimes(1);
  });
});
