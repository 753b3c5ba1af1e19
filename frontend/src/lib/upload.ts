/**
 * Multipart upload with progress.
 *
 * Why not the generated SDK: openapi-ts 0.95's fetch client sends the JSON variant of
 * `POST .../evidence` and fetch() offers no upload-progress events (streaming request
 * bodies need `duplex: "half"` and HTTP/2, and still report nothing). XMLHttpRequest does
 * both: the browser streams the `File` from disk (never read into memory here) and
 * reports `upload.onprogress`. Everything else still comes from the generated client:
 * the URL is built by `client.buildUrl` (its base URL and path template), the bearer token
 * comes from the same session (refreshed first when about to expire), and errors become
 * the same `ApiProblem`s as every other call.
 */
import { client } from "../api/gen/client.gen";
import { session } from "../api/client";
import { tokenStore } from "./auth/tokens";
import { ApiProblem, networkProblem } from "./problem";

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0..100 */
  percent: number;
}

export interface UploadRequest {
  /** Path template from the generated SDK, e.g. `/api/v1/orgs/{org}/evidence`. */
  url: string;
  path: Record<string, string | number>;
  form: FormData;
  headers?: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function send(req: UploadRequest, url: string): Promise<{ status: number; xhr: XMLHttpRequest }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    const token = tokenStore.get()?.accessToken;
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    for (const [k, v] of Object.entries(req.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && req.onProgress) {
        req.onProgress({ loaded: e.loaded, total: e.total, percent: Math.round((e.loaded / e.total) * 100) });
      }
    };
    xhr.onload = () => resolve({ status: xhr.status, xhr });
    xhr.onerror = () => reject(networkProblem());
    xhr.onabort = () => reject(new ApiProblem({ title: "Upload cancelled", status: 0 }));
    if (req.signal?.aborted) {
      reject(new ApiProblem({ title: "Upload cancelled", status: 0 }));
      return;
    }
    req.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    // FormData with a File: the browser streams the file with a multipart boundary it picks.
    xhr.send(req.form);
  });
}

/** POST a multipart form with progress; resolves to the parsed JSON answer, rejects with an ApiProblem. */
export async function uploadMultipart<T>(req: UploadRequest): Promise<T> {
  const url = client.buildUrl({ url: req.url, path: req.path });
  await session.ensureFresh();
  let { status, xhr } = await send(req, url);
  if (status === 401 && (await session.refresh())) ({ status, xhr } = await send(req, url));
  const body = parse(xhr.responseText);
  if (status >= 200 && status < 300) return body as T;
  const headers = new Headers();
  const retryAfter = xhr.getResponseHeader("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  throw ApiProblem.fromResponse(body, new Response(null, { status, statusText: xhr.statusText, headers }));
}
