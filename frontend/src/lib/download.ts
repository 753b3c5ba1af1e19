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

/** Save a small Blob already in memory under a file name (no token in a URL). */
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

/** The file name a `Content-Disposition` header gives (`filename="..."`), or `fallback`. */
export function filenameFrom(disposition: string | null | undefined, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "") ?? /filename=([^;\s]+)/.exec(disposition ?? "");
  const name = match?.[1]?.trim();
  // Only a plain file name: no path, nothing that could leave the downloads folder.
  return name && !/[\\/]/.test(name) && name !== "." && name !== ".." ? name : fallback;
}
