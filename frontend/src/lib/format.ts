const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "2026-03-31" (a calendar date, no time zone) → "31 Mar 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  const [y, m, d] = value.split("-").map(Number);
  if (!y || !m || !d) return value;
  return dateFormat.format(new Date(y, m - 1, d));
}

/** An ISO 8601 UTC timestamp in the user's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : dateTimeFormat.format(at);
}

/** Whole days from today to a calendar date (negative when past). */
export function daysUntil(value: string, today: Date = new Date()): number {
  const [y, m, d] = value.split("-").map(Number);
  const target = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - start) / 86_400_000);
}

/** A wait in words: "45 seconds", "15 minutes". */
export function formatWait(seconds: number): string {
  if (seconds <= 90) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
