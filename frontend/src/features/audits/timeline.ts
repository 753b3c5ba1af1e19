/** Group items by the month of a calendar date ("2026-03-14" → "2026-03"), months in order. */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => string | null | undefined) {
  const groups = new Map<string, T[]>();
  const undated: T[] = [];
  for (const item of items) {
    const date = dateOf(item);
    if (!date) {
      undated.push(item);
      continue;
    }
    const month = date.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), item]);
  }
  const months = [...groups.keys()].sort().map((month) => ({
    month,
    items: [...(groups.get(month) ?? [])].sort((a, b) => (dateOf(a) ?? "").localeCompare(dateOf(b) ?? "")),
  }));
  return { months, undated };
}

const monthFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "long" });

/** "2026-03" → "March 2026" */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return monthFormat.format(new Date(y, m - 1, 1));
}
