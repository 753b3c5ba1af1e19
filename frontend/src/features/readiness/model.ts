/**
 * Pure helpers of the readiness dashboard: verdict wording, heat-map colours, the trend
 * chart's geometry, fix-route resolution and the deadline list. No React, no I/O.
 */
import type {
  ClauseRead,
  Gate,
  GateRead,
  GatesRead,
  RuleResultRead,
  SnapshotRead,
} from "../../api/gen/types.gen";

export const GATE_LABELS: Record<Gate, string> = {
  stage1: "Stage 1",
  stage2: "Stage 2",
  certification: "Certification",
  maintenance: "Maintenance",
};

const GATE_ORDER: readonly Gate[] = ["stage1", "stage2", "certification", "maintenance"];

export interface GateVerdict {
  gate: Gate;
  label: string;
  /** null: no blocker fails, but some blocker rules are not evaluated yet. */
  ready: boolean | null;
  /** "Stage 1: ready", "Stage 2: not ready — 6 blockers", "Stage 1: cannot be confirmed — 6 rules not evaluated". */
  text: string;
  blockers: string[];
  warnings: string[];
  /** The blocker rules not evaluated yet, and why that leaves the verdict open. */
  unevaluated: string[];
  reason: string | null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function gateVerdict(gate: Gate, read: GateRead): GateVerdict {
  const label = GATE_LABELS[gate];
  const unevaluated = read.unevaluated ?? [];
  const text =
    read.ready === true
      ? `${label}: ready`
      : read.ready === null
        ? `${label}: cannot be confirmed — ${plural(unevaluated.length, "rule")} not evaluated`
        : `${label}: not ready — ${plural(read.blockers.length, "blocker")}`;
  return {
    gate,
    label,
    ready: read.ready,
    text,
    blockers: read.blockers,
    warnings: read.warnings,
    unevaluated,
    reason: read.reason ?? null,
  };
}

/** Stage 1 and Stage 2 always; certification and maintenance only once they apply. */
export function visibleVerdicts(gates: GatesRead): GateVerdict[] {
  return GATE_ORDER.filter((g) => g === "stage1" || g === "stage2" || gates[g].applicable).map((g) =>
    gateVerdict(g, gates[g]),
  );
}

/** Share of a clause's requirements that are implemented, 0..100. */
export function clauseProgress(clause: Pick<ClauseRead, "requirements" | "statuses">): number {
  if (clause.requirements <= 0) return 0;
  return Math.round(((clause.statuses.implemented ?? 0) / clause.requirements) * 100);
}

/** Heat-map colour: red when a blocking rule fails on the clause or little is done; teal when all is well. */
export function clauseHeat(clause: Pick<ClauseRead, "requirements" | "statuses" | "failing_rules">): string {
  const pct = clauseProgress(clause);
  if (clause.failing_rules.length === 0 && pct === 100) return "teal";
  if (pct >= 80 && clause.failing_rules.length <= 1) return "yellow";
  if (pct >= 50) return "orange";
  return "red";
}

/** Leaves of a top-level clause ("8" → 8.1, 8.2.1 …), in catalogue order. */
export function leavesOf<T extends { ref: string; assessable: boolean }>(items: readonly T[], clause: string): T[] {
  return items.filter((r) => r.assessable && (r.ref === clause || r.ref.startsWith(`${clause}.`)));
}

export interface TrendPoint {
  /** The snapshot's calendar date (ISO), the x axis. */
  date: string;
  /** 0..100 */
  score: number;
  /** null: unconfirmed (blocker rules not evaluated). */
  stage1: boolean | null;
  stage2: boolean | null;
}

/** A stored verdict in words: ready, not ready, or unconfirmed (null). */
export function verdictWord(ready: boolean | null | undefined): string {
  return ready === true ? "ready" : ready === null ? "unconfirmed" : "not ready";
}

/**
 * Snapshots (any order; the API returns newest first) as chart rows, oldest first, the score
 * clamped to 0..100 so a bad value cannot stretch the axis.
 */
export function trendPoints(
  snapshots: readonly Pick<SnapshotRead, "taken_at" | "snapshot_date" | "score" | "stage1_ready" | "stage2_ready">[],
): TrendPoint[] {
  return [...snapshots]
    .sort((a, b) => a.taken_at.localeCompare(b.taken_at))
    .map((s) => ({
      date: s.snapshot_date,
      score: Math.min(100, Math.max(0, s.score)),
      stage1: s.stage1_ready,
      stage2: s.stage2_ready,
    }));
}

/**
 * The API names fixes by SPA route ("/orgs/acme/evidence?fulfils=D8"). When the SPA has no
 * page for that exact path (yet), fall back to the nearest parent page that exists, dropping
 * the query (it belongs to the missing page).
 */
export function resolveFixHref(route: string, isKnownPath: (pathname: string) => boolean): string {
  const q = route.indexOf("?");
  const pathname = q === -1 ? route : route.slice(0, q);
  if (isKnownPath(pathname)) return route;
  const parts = pathname.split("/").filter(Boolean);
  // Never above /orgs/<org>.
  while (parts.length > 2) {
    parts.pop();
    const candidate = `/${parts.join("/")}`;
    if (isKnownPath(candidate)) return candidate;
  }
  return `/${parts.join("/")}`;
}

/** Rules that fail, blockers first, in gate order, then by id. */
export function failingRules(rules: readonly RuleResultRead[]): RuleResultRead[] {
  const gateRank = (g: Gate) => GATE_ORDER.indexOf(g);
  return rules
    .filter((r) => r.implemented && r.passed === false)
    .sort(
      (a, b) =>
        Number(a.severity !== "blocker") - Number(b.severity !== "blocker") ||
        gateRank(a.gate) - gateRank(b.gate) ||
        a.id.localeCompare(b.id, undefined, { numeric: true }),
    );
}

/** Whole days between two calendar dates ("YYYY-MM-DD"), b − a. */
export function daysBetween(a: string, b: string): number {
  const parse = (v: string) => {
    const [y, m, d] = v.split("-").map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((parse(b) - parse(a)) / 86_400_000);
}

export interface Countdown {
  days: number;
  text: string;
  color: string;
}

/** "in 120 days" / "today" / "12 days ago" until the target certification date. */
export function certificationCountdown(target: string | null | undefined, today: string): Countdown | null {
  if (!target) return null;
  const days = daysBetween(today, target);
  if (days === 0) return { days, text: "today", color: "orange" };
  if (days < 0) return { days, text: `${plural(-days, "day")} ago`, color: "red" };
  return { days, text: `in ${plural(days, "day")}`, color: days <= 30 ? "orange" : "blue" };
}

export type DeadlineKind = "corrective_measure" | "evidence" | "training" | "audit";

export interface Deadline {
  kind: DeadlineKind;
  key: string;
  label: string;
  date: string;
  /** Days from today (negative: overdue / expired). */
  days: number;
  overdue: boolean;
  /** Path below /orgs/<org>/ ("evidence/<id>"). */
  path: string;
}

export interface DeadlineSources {
  measures: readonly { id: string; key: string; title: string; due_date: string | null; overdue: boolean; status: string }[];
  evidence: readonly { id: string; key: string; title: string; valid_until: string | null }[];
  training: readonly { person: string; course: string; expires_on: string | null; state: string }[];
  audits: readonly { id: string; key: string; title: string; planned_start_date: string | null; status: string }[];
}

const DONE_MEASURE = new Set(["implemented", "effectiveness_review", "closed", "cancelled"]);

/**
 * One list of what is due: overdue and soon-due corrective measures, evidence and training
 * expiring within `withinDays`, and planned audits; overdue first, then by date.
 */
export function buildDeadlines(src: DeadlineSources, today: string, withinDays: number): Deadline[] {
  const out: Deadline[] = [];
  const soon = (date: string | null): date is string => date !== null && daysBetween(today, date) <= withinDays;
  for (const m of src.measures) {
    if (DONE_MEASURE.has(m.status) || !m.due_date) continue;
    if (!m.overdue && !soon(m.due_date)) continue;
    const days = daysBetween(today, m.due_date);
    out.push({
      kind: "corrective_measure",
      key: m.key,
      label: m.title,
      date: m.due_date,
      days,
      overdue: m.overdue || days < 0,
      path: `corrective-measures/${m.id}`,
    });
  }
  for (const e of src.evidence) {
    if (!soon(e.valid_until)) continue;
    const days = daysBetween(today, e.valid_until);
    out.push({ kind: "evidence", key: e.key, label: e.title, date: e.valid_until, days, overdue: days < 0, path: `evidence/${e.id}` });
  }
  for (const t of src.training) {
    if ((t.state !== "expiring" && t.state !== "expired") || !t.expires_on) continue;
    const days = daysBetween(today, t.expires_on);
    out.push({
      kind: "training",
      key: t.person,
      label: t.course,
      date: t.expires_on,
      days,
      overdue: t.state === "expired" || days < 0,
      path: "training",
    });
  }
  for (const a of src.audits) {
    if (a.status !== "planned" || !a.planned_start_date) continue;
    const days = daysBetween(today, a.planned_start_date);
    out.push({ kind: "audit", key: a.key, label: a.title, date: a.planned_start_date, days, overdue: days < 0, path: `audits/${a.id}` });
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

export function deadlineWhen(d: Pick<Deadline, "days" | "kind">): string {
  const n = plural(Math.abs(d.days), "day");
  const expires = d.kind === "evidence" || d.kind === "training";
  if (d.days === 0) return expires ? "expires today" : d.kind === "audit" ? "starts today" : "due today";
  if (d.days > 0) return expires ? `expires in ${n}` : d.kind === "audit" ? `starts in ${n}` : `due in ${n}`;
  return expires ? `expired ${n} ago` : d.kind === "audit" ? `was due to start ${n} ago` : `overdue by ${n}`;
}
