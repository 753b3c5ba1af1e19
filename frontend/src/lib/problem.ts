/**
 * RFC 9457 problem details as a typed error.
 *
 * The generated client's error interceptor turns every failed call into an
 * `ApiProblem` (see `src/api/client.ts`), so callers can rely on `status`,
 * `detail` and, for 422, the `errors` list.
 */

export interface ProblemFieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Where a 422 error points; leading request parts are dropped when mapping to form fields. */
const LOCATION_PREFIXES = new Set(["body", "query", "path", "header", "cookie"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    loc: Array.isArray(e.loc)
      ? e.loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
      : [],
    msg: typeof e.msg === "string" ? e.msg : "Invalid value",
    type: typeof e.type === "string" ? e.type : "value_error",
  }));
}

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];
  /** Seconds to wait before retrying (429, 503), from `Retry-After` or the body. */
  readonly retryAfter: number | undefined;
  /** Any extension members (e.g. `allowed` for an illegal transition). */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    type?: string;
    title: string;
    status: number;
    detail?: string;
    errors?: ProblemFieldError[];
    retryAfter?: number;
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail ?? init.title);
    this.name = "ApiProblem";
    this.type = init.type ?? "about:blank";
    this.title = init.title;
    this.status = init.status;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.extensions = init.extensions ?? {};
  }

  /** Build from a parsed error body (problem+json or anything else) and the response, if any. */
  static fromResponse(body: unknown, response?: Response): ApiProblem {
    const status = response?.status ?? (isRecord(body) && typeof body.status === "number" ? body.status : 0);
    const headerRetry = parseRetryAfter(response?.headers.get("Retry-After"));
    if (isRecord(body) && typeof body.title === "string") {
      const { type, title, status: _s, detail, errors, retry_after, ...rest } = body;
      const bodyRetry = typeof retry_after === "number" ? retry_after : undefined;
      return new ApiProblem({
        type: typeof type === "string" ? type : undefined,
        title,
        status,
        detail: typeof detail === "string" ? detail : undefined,
        errors: parseFieldErrors(errors),
        retryAfter: headerRetry ?? bodyRetry,
        extensions: rest,
      });
    }
    // Not a problem document (proxy error page, empty body, ...): keep the text out of the UI.
    return new ApiProblem({
      title: response?.statusText || (status ? `HTTP ${status}` : "Request failed"),
      status,
      retryAfter: headerRetry,
    });
  }

  get isValidation(): boolean {
    return this.status === 422;
  }
}

/** fetch() itself failed: no response at all (offline, server down, DNS, CORS). */
export function networkProblem(): ApiProblem {
  return new ApiProblem({
    type: "urn:certready:problem:network-error",
    title: "Network error",
    status: 0,
    detail: "The server could not be reached. Check your connection and try again.",
  });
}

/** Normalise anything a query or mutation may throw into an `ApiProblem`. */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof DOMException && error.name === "AbortError") {
    return new ApiProblem({ title: "Request cancelled", status: 0 });
  }
  if (isRecord(error) && typeof error.title === "string") return ApiProblem.fromResponse(error);
  if (error instanceof Error) return new ApiProblem({ title: "Unexpected error", status: 0, detail: error.message });
  return new ApiProblem({ title: "Unexpected error", status: 0 });
}

/** A form-field path ("admin.email") for a 422 `loc`, after dropping the request part ("body"). */
export function locToPath(loc: (string | number)[]): string {
  const parts = [...loc];
  if (parts.length > 0 && typeof parts[0] === "string" && LOCATION_PREFIXES.has(parts[0])) parts.shift();
  return parts.map(String).join(".");
}

export interface FieldErrorMapping {
  /** Field errors keyed by form path. */
  fields: Record<string, string>;
  /** Messages that match no known form field (shown in a notification instead). */
  unmatched: string[];
}

/**
 * Map a 422 problem's `errors` onto form field paths.
 *
 * @param knownFields form paths that exist (e.g. `["organisation.name", "admin.email"]`)
 * @param aliases API path → form path (e.g. `{ username: "email" }`)
 */
export function mapProblemToFields(
  problem: ApiProblem,
  knownFields: readonly string[],
  aliases: Record<string, string> = {},
): FieldErrorMapping {
  const known = new Set(knownFields);
  const fields: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const err of problem.errors) {
    const raw = locToPath(err.loc);
    const path = aliases[raw] ?? raw;
    if (known.has(path)) {
      // Keep the first message per field; later ones are usually consequences.
      fields[path] ??= err.msg;
    } else {
      unmatched.push(raw ? `${raw}: ${err.msg}` : err.msg);
    }
  }
  return { fields, unmatched };
}
