/**
 * The pre-filled inputs of a management review (the snapshot taken at creation, per topic)
 * as short lines of text. The snapshot is JSON the server keeps as reviewed; every value is
 * read defensively and rendered as text only.
 */

export interface PrefillLine {
  /** Stable key for React and tests ("findings.open"). */
  key: string;
  label: string;
  value: string;
}

function rec(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(rec).filter((v): v is Record<string, unknown> => v !== undefined) : [];
}

/** "conforming 5, nonconforming 1" from {conforming: 5, nonconforming: 1}. */
export function countsText(value: unknown): string {
  const r = rec(value);
  if (!r) return "—";
  const parts = Object.entries(r)
    .filter(([, n]) => typeof n === "number")
    .map(([k, n]) => `${k.replaceAll("_", " ")} ${String(n)}`);
  return parts.length ? parts.join(", ") : "none";
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** Lines for one snapshot section ("findings", "corrective_measures", ...). */
export function sectionLines(section: string, value: unknown): PrefillLine[] {
  const r = rec(value);
  if (!r) return [{ key: `${section}.none`, label: sectionTitle(section), value: "no data" }];
  const line = (key: string, label: string, v: string | number | undefined): PrefillLine[] =>
    v === undefined ? [] : [{ key: `${section}.${key}`, label, value: String(v) }];
  switch (section) {
    case "previous_actions":
      return [
        ...line("total", "Actions from earlier reviews", num(r.total)),
        ...line("open", "Still open", num(r.open)),
        ...line("overdue", "Overdue", num(r.overdue)),
        ...list(r.items)
          .filter((i) => i.status === "open")
          .slice(0, 10)
          .map((i, n) => ({
            key: `${section}.item.${n}`,
            label: `${str(i.review_key) ?? "MR"} action`,
            value: `${str(i.description) ?? ""}${i.overdue === true ? " (overdue)" : ""}`,
          })),
      ];
    case "findings": {
      const net = num(r.net_change_since);
      return [
        ...line("total", "Findings", num(r.total)),
        ...line("open", "Open findings", num(r.open)),
        ...line("raised_since", "Raised since the last review", num(r.raised_since)),
        ...line("closed_since", "Closed since the last review", num(r.closed_since)),
        ...line("net", "Trend (raised − closed)", net === undefined ? undefined : signed(net)),
        ...Object.entries(rec(r.by_grade) ?? {}).map(([grade, g]) => ({
          key: `${section}.grade.${grade}`,
          label: grade.replaceAll("_", " ").replace("nc", "NC"),
          value: `${num(rec(g)?.open) ?? 0} open of ${num(rec(g)?.total) ?? 0}`,
        })),
      ];
    }
    case "corrective_measures":
      return [
        ...line("total", "Corrective measures", num(r.total)),
        ...line("open", "Open measures", num(r.open)),
        ...line("overdue", "Overdue measures", num(r.overdue)),
        ...line("opened_since", "Opened since the last review", num(r.opened_since)),
        ...line("closed_since", "Closed since the last review", num(r.closed_since)),
      ];
    case "audits":
      return [
        ...line("closed_since", "Audits closed since the last review", num(r.closed_since)),
        ...line("results", "Checklist results", countsText(r.results)),
        ...list(r.items)
          .slice(0, 10)
          .map((a, n) => ({ key: `${section}.item.${n}`, label: `${str(a.key) ?? "Audit"} ${str(a.title) ?? ""}`.trim(), value: countsText(a.results) })),
      ];
    case "objectives":
      return [
        ...line("total", "Objectives", num(r.total)),
        ...line("on_target", "On target", num(r.on_target)),
        ...line("off_target", "Off target", num(r.off_target)),
        ...line("no_recent_data", "No recent data", num(r.no_recent_data)),
        ...list(r.items)
          .slice(0, 10)
          .map((o, n) => {
            const latest = num(o.latest_value);
            const unit = str(o.unit) ?? "";
            const target = num(o.target);
            return {
              key: `${section}.item.${n}`,
              label: `${str(o.key) ?? "O"} ${str(o.title) ?? ""}`.trim(),
              value: `${latest === undefined ? "no value" : `${latest}${unit ? ` ${unit}` : ""}`} (target ${o.direction === "at_most" ? "≤" : "≥"} ${target ?? "?"}) — ${(str(o.status) ?? "").replaceAll("_", " ")}`,
            };
          }),
      ];
    case "training": {
      const overall = rec(r.overall);
      const awareness = rec(r.awareness);
      const pct = (c: Record<string, unknown> | undefined) => {
        const p = num(c?.percent);
        return p === undefined ? "no requirements" : `${Math.round(p)} % (${num(c?.ok) ?? 0} ok, ${num(c?.expiring) ?? 0} expiring, ${num(c?.expired) ?? 0} expired, ${num(c?.missing) ?? 0} missing)`;
      };
      return [
        ...line("people", "People in scope", num(r.people_in_scope)),
        { key: `${section}.overall`, label: "Competence coverage", value: pct(overall) },
        { key: `${section}.awareness`, label: "Awareness coverage", value: pct(awareness) },
      ];
    }
    default:
      return Object.entries(r)
        .filter(([, v]) => typeof v === "number" || typeof v === "string")
        .map(([k, v]) => ({ key: `${section}.${k}`, label: k.replaceAll("_", " "), value: String(v) }));
  }
}

export function sectionTitle(section: string): string {
  switch (section) {
    case "previous_actions":
      return "Earlier review actions";
    case "corrective_measures":
      return "Corrective measures";
    default:
      return section.charAt(0).toUpperCase() + section.slice(1).replaceAll("_", " ");
  }
}

/** Every line of a topic's prefill ({section: data}), section by section. */
export function prefillLines(prefill: Record<string, unknown>): { section: string; title: string; lines: PrefillLine[] }[] {
  return Object.entries(prefill).map(([section, value]) => ({ section, title: sectionTitle(section), lines: sectionLines(section, value) }));
}

/** Uncovered topic keys from a 409 on "held" → their titles (unknown keys stay as they are). */
export function uncoveredTitles(extensions: Record<string, unknown>, inputs: readonly { key: string; title: string }[]): string[] {
  const keys = Array.isArray(extensions.uncovered_topics) ? extensions.uncovered_topics.filter((k): k is string => typeof k === "string") : [];
  const titles = new Map(inputs.map((i) => [i.key, i.title]));
  return keys.map((k) => titles.get(k) ?? k);
}
