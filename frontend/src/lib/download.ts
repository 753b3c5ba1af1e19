/** Save a Blob under a file name (the browser's download, no new tab, no token in the URL). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "1.2 MB" */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The file name a `Content-Disposition` header gives (`filename="..."`), or `fallback`. */
export function filenameFrom(disposition: string | null | undefined, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "") ?? /filename=([^;\s]+)/.exec(disposition ?? "");
  const name = match?.[1]?.trim();
  // Only a plain file name: no path, nothing that could leave the downloads folder.
  return name && !/[\\/]/.test(name) && name !== "." && name !== ".." ? name : fallback;
}

/**
 * Read a response body to the end as a Blob, calling `onProgress(received, total)` after each
 * piece (`total` from Content-Length, `null` when the server did not say). Throws when the body
 * ends short of `total`: the server cut the download, and a truncated file is never saved.
 */
export async function readWithProgress(
  body: ReadableStream<Uint8Array>,
  total: number | null,
  onProgress: (received: number, total: number | null) => void,
  type = "application/octet-stream",
): Promise<Blob> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  if (total !== null && received !== total) {
    throw new Error(`The download stopped after ${formatBytes(received)} of ${formatBytes(total)}.`);
  }
  return new Blob(parts as BlobPart[], { type });
}

/** The Content-Length header as a number, or `null`. */
export function contentLength(headers: Headers): number | null {
  const value = Number(headers.get("content-length"));
  return Number.isFinite(value) && value > 0 ? value : null;
}
