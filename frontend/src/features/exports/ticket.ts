import { exportsCreateDownloadTicket } from "../../api/gen/sdk.gen";

type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * The path and query of a download (`/api/v1/orgs/acme/exports/evidence-pack.zip?clause=8.6`):
 * lists as repeated parameters, empty values and `false` left out (the API's defaults).
 */
export function downloadUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === false || value === "") continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** `/api/v1/orgs/<org>/exports/<name>` */
export function exportPath(org: string, name: string): string {
  return `/api/v1/orgs/${encodeURIComponent(org)}/exports/${name}`;
}

/**
 * Save a download to disk through the browser's own download (streamed, never held in the
 * page's memory): a plain link cannot carry the bearer token, so the SDK asks for a one-time
 * ticket for exactly this URL (valid 60 s) and the browser follows the ticketed URL, saving the
 * file under the name the API gives. Returns when the browser has been handed the URL.
 */
export async function saveDownload(org: string, url: string): Promise<void> {
  const { data } = await exportsCreateDownloadTicket({ path: { org }, body: { url } });
  const a = document.createElement("a");
  a.href = data.url;
  a.download = ""; // the name comes from Content-Disposition
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
}
