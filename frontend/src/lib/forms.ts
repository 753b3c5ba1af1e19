import { mapProblemToFields, toApiProblem } from "./problem";
import { notifyProblem } from "./notify";

/** The part of a Mantine form that error mapping needs (keeps this helper easy to test). */
export interface ErrorSink {
  getValues: () => unknown;
  setErrors: (errors: Record<string, string>) => void;
}

/** Every leaf path of a (nested) values object: `{admin: {email: ""}}` → `["admin", "admin.email"]`. */
export function fieldPaths(values: unknown, prefix = ""): string[] {
  if (typeof values !== "object" || values === null || Array.isArray(values) || values instanceof Date) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path, ...fieldPaths(value, path));
  }
  return out;
}

/**
 * Put a 422 problem's errors on the form's fields; anything else (or errors that match no
 * field) goes to a notification. Returns the problem for callers that need more.
 */
export function handleFormError(
  form: ErrorSink,
  error: unknown,
  options: { aliases?: Record<string, string>; title?: string } = {},
) {
  const problem = toApiProblem(error);
  if (problem.isValidation && problem.errors.length > 0) {
    const { fields, unmatched } = mapProblemToFields(problem, fieldPaths(form.getValues()), options.aliases);
    if (Object.keys(fields).length > 0) form.setErrors(fields);
    if (unmatched.length > 0) notifyProblem(problem.detail ? problem : { title: problem.title, detail: unmatched.join("; ") }, options.title);
    return problem;
  }
  notifyProblem(problem, options.title);
  return problem;
}
