import type { ReportFrequency } from "../../api/gen/types.gen";

/**
 * The reporting periods RDY-24 expects, as the backend computes them
 * (backend/certready/readiness/rules/operations.py): ISO weeks, calendar months, quarters,
 * halves and years; dates are ISO strings (YYYY-MM-DD) read as calendar days in UTC.
 */
export interface Period {
  start: string;
  end: string;
}

const MONTHS: Partial<Record<ReportFrequency, number>> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function addDays(d: Date, days: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));
}

/** The period of ``frequency`` that holds ``day``. */
export function periodOf(frequency: ReportFrequency, day: Date): { start: Date; end: Date } {
  if (frequency === "weekly") {
    const start = addDays(day, -((day.getUTCDay() + 6) % 7));
    return { start, end: addDays(start, 6) };
  }
  const months = MONTHS[frequency] ?? 1;
  const month = Math.floor(day.getUTCMonth() / months) * months;
  const start = new Date(Date.UTC(day.getUTCFullYear(), month, 1));
  const end = new Date(Date.UTC(day.getUTCFullYear(), month + months, 0));
  return { start, end };
}

/**
 * The last ``count`` complete periods before ``today``, oldest first, without those that ended
 * before reporting was agreed (``startsOn``); none for reports produced on request.
 */
export function expectedPeriods(frequency: ReportFrequency, today: string, count: number, startsOn: string | null): Period[] {
  if (frequency === "on_request") return [];
  const periods: Period[] = [];
  let { start } = periodOf(frequency, parse(today));
  for (let i = 0; i < count; i++) {
    const p = periodOf(frequency, addDays(start, -1));
    start = p.start;
    if (startsOn !== null && iso(p.end) < startsOn) break;
    periods.push({ start: iso(p.start), end: iso(p.end) });
  }
  return periods.reverse();
}

/** Whether a produced report covers the period: its period ends inside it (as RDY-24 reads it). */
export function isProduced(period: Period, periodEnds: readonly string[]): boolean {
  return periodEnds.some((end) => period.start <= end && end <= period.end);
}
