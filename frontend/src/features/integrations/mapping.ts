import type { MappingRules, RecordKind } from "../../api/gen/types.gen";

/** One editable line of the rules: a tool value and what it maps to ("" while unfinished). */
export interface RuleRow {
  id: number;
  from: string;
  to: string;
}

export interface RuleRows {
  kinds: RuleRow[];
  services: RuleRow[];
  defaultKind: RecordKind | null;
}

let nextId = 1;

/** A fresh row (ids only tell React rows apart). */
export function newRow(from = "", to = ""): RuleRow {
  return { id: nextId++, from, to };
}

/** The rows shown for saved rules, in the order the rules were stored. */
export function rowsFromRules(rules: MappingRules | null | undefined): RuleRows {
  return {
    kinds: Object.entries(rules?.kinds ?? {}).map(([from, to]) => newRow(from, to)),
    services: Object.entries(rules?.services ?? {}).map(([from, to]) => newRow(from, to)),
    defaultKind: rules?.default_kind ?? null,
  };
}

/**
 * What is wrong with each row, by row id: a half-filled row, or a tool value given twice
 * (the server matches case-insensitively, so "itsm" and "ITSM" are the same key). Rows left
 * entirely empty are ignored.
 */
export function rowErrors(rows: RuleRow[]): Map<number, string> {
  const errors = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const from = row.from.trim();
    const to = row.to.trim();
    if (!from && !to) continue;
    if (!from) errors.set(row.id, "Give the value the tool sends");
    else if (!to) errors.set(row.id, "Pick what it maps to");
    if (!from) continue;
    const key = from.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) errors.set(row.id, `"${from}" is already mapped above`);
    else seen.set(key, row.id);
  }
  return errors;
}

function toRecord<T extends string>(rows: RuleRow[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const row of rows) {
    const from = row.from.trim();
    const to = row.to.trim();
    if (from && to) out[from] = to as T;
  }
  return out;
}

/** The rules the API takes (complete rows only, trimmed). */
export function rulesFromRows(rows: RuleRows): MappingRules {
  return {
    kinds: toRecord<RecordKind>(rows.kinds),
    services: toRecord<string>(rows.services),
    default_kind: rows.defaultKind,
  };
}

/** Whether every row is complete or empty and no tool value repeats. */
export function rowsValid(rows: RuleRows): boolean {
  return rowErrors(rows.kinds).size === 0 && rowErrors(rows.services).size === 0;
}

/** Whether the rows say something different from the saved rules (order does not matter). */
export function rulesChanged(saved: MappingRules | null | undefined, rows: RuleRows): boolean {
  const a = rulesFromRows(rowsFromRules(saved));
  const b = rulesFromRows(rows);
  const same = (x: Record<string, string>, y: Record<string, string>) =>
    Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([k, v]) => y[k] === v);
  return !(same(a.kinds ?? {}, b.kinds ?? {}) && same(a.services ?? {}, b.services ?? {}) && (a.default_kind ?? null) === (b.default_kind ?? null));
}
