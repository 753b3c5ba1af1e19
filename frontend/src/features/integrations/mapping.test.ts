import { describe, expect, it } from "vitest";
import { newRow, rowErrors, rowsFromRules, rowsValid, rulesChanged, rulesFromRows } from "./mapping";

describe("mapping rule rows", () => {
  it("round-trips saved rules", () => {
    const saved = { kinds: { "[System] Incident": "incident" as const }, services: { ITSM: "payroll" }, default_kind: "other" as const };
    const rows = rowsFromRules(saved);
    expect(rows.kinds.map((r) => [r.from, r.to])).toEqual([["[System] Incident", "incident"]]);
    expect(rulesFromRows(rows)).toEqual(saved);
    expect(rulesChanged(saved, rows)).toBe(false);
  });

  it("reads missing rules as empty", () => {
    expect(rowsFromRules(undefined)).toEqual({ kinds: [], services: [], defaultKind: null });
    expect(rulesChanged(undefined, { kinds: [newRow()], services: [], defaultKind: null })).toBe(false);
  });

  it("trims, drops empty rows and ignores order", () => {
    const rows = { kinds: [], services: [newRow("  ITSM ", " payroll "), newRow(), newRow("OPS", "ops")], defaultKind: null };
    expect(rulesFromRows(rows).services).toEqual({ ITSM: "payroll", OPS: "ops" });
    expect(rowsValid(rows)).toBe(true);
    expect(rulesChanged({ services: { OPS: "ops", ITSM: "payroll" } }, rows)).toBe(false);
    expect(rulesChanged({ services: { ITSM: "hr" } }, rows)).toBe(true);
  });

  it("flags half-filled rows and repeated tool values", () => {
    const a = newRow("ITSM", "payroll");
    const b = newRow("itsm", "hr");
    const c = newRow("", "x");
    const d = newRow("OPS", "");
    const errors = rowErrors([a, b, c, d]);
    expect(errors.has(a.id)).toBe(false);
    expect(errors.get(b.id)).toContain("already mapped");
    expect(errors.get(c.id)).toBe("Give the value the tool sends");
    expect(errors.get(d.id)).toBe("Pick what it maps to");
    expect(rowsValid({ kinds: [], services: [a, b], defaultKind: null })).toBe(false);
  });

  it("sees a changed default kind", () => {
    expect(rulesChanged({ default_kind: null }, { kinds: [], services: [], defaultKind: "incident" })).toBe(true);
  });
});
