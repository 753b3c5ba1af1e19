import type { ContextRead } from "../../api/gen/types.gen";

/** How long an approval or review stays current (RDY-03's default, months). */
export const REVIEW_MONTHS = 12;

function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * What the context record still lacks for RDY-03, in the rule's words
 * (backend/certready/readiness/rules/registers.py): issues of both kinds, the climate-change
 * statement with its reasoning, a relevant interested party, approval, a review within a year.
 */
export function contextGaps(rec: ContextRead, today: string, months = REVIEW_MONTHS): string[] {
  const gaps: string[] = [];
  const active = rec.issues.filter((i) => i.active);
  if (!active.some((i) => i.kind === "internal")) gaps.push("no internal issue recorded");
  if (!active.some((i) => i.kind === "external")) gaps.push("no external issue recorded");
  if (rec.climate_change_relevant === null) gaps.push("whether climate change is relevant is not stated");
  else if (!rec.climate_change_reasoning.trim()) gaps.push("the climate-change statement gives no reasoning");
  if (!rec.parties.some((p) => p.relevant)) gaps.push("no interested party relevant to the SMS");
  if (rec.approved_on === null) gaps.push("not approved");
  const last = [rec.approved_on, rec.reviewed_on].filter((d): d is string => d !== null).sort().at(-1);
  if (last === undefined) gaps.push("never reviewed");
  else if (last < monthsBefore(today, months)) gaps.push(`last reviewed ${last}, more than ${months} months ago`);
  return gaps;
}
