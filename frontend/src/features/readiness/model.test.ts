import { describe, expect, it } from "vitest";

import type { GateRead, GatesRead, RuleResultRead } from "../../api/gen/types.gen";
import {
  buildDeadlines,
  certificationCountdown,
  clauseHeat,
  clauseProgress,
  daysBetween,
  deadlineWhen,
  failingRules,
  gateVerdict,
  leavesOf,
  resolveFixHref,
  trendPoints,
  visibleVerdicts,
} from "./model";

const gate = (ready: boolean | null, blockers: string[] = [], applicable = true, unevaluated: string[] = []): GateRead => ({
  ready,
  applicable,
  blockers,
  warnings: [],
  unevaluated,
  reason: ready === null ? `Cannot be confirmed: ${unevaluated.join(", ")}` : null,
});

describe("verdicts", () => {
  it("never calls an unconfirmed gate ready", () => {
    const v = gateVerdict("stage1", gate(null, [], true, ["RDY-02", "RDY-03"]));
    expect(v.ready).toBeNull();
    expect(v.text).toBe("Stage 1: cannot be confirmed — 2 rules not evaluated");
    expect(v.reason).toContain("RDY-02");
    expect(gateVerdict("stage1", gate(false, ["RDY-11"], true, ["RDY-02"])).text).toBe(
      "Stage 1: not ready — 1 blocker",
    );
  });
  it("words ready and not-ready gates", () => {
    expect(gateVerdict("stage1", gate(true)).text).toBe("Stage 1: ready");
    expect(gateVerdict("stage2", gate(false, ["A", "B", "C", "D", "E", "F"])).text).toBe(
      "Stage 2: not ready — 6 blockers",
    );
    expect(gateVerdict("stage1", gate(false, ["RDY-11"])).text).toBe("Stage 1: not ready — 1 blocker");
  });

  it("shows certification and maintenance only when applicable", () => {
    const gates: GatesRead = {
      stage1: gate(true),
      stage2: gate(false, ["X"]),
      certification: gate(false, [], false),
      maintenance: gate(false, [], false),
    };
    expect(visibleVerdicts(gates).map((v) => v.gate)).toEqual(["stage1", "stage2"]);
    gates.certification = gate(false, ["RDY-38"]);
    expect(visibleVerdicts(gates).map((v) => v.gate)).toEqual(["stage1", "stage2", "certification"]);
  });
});

describe("clause heat map", () => {
  const statuses = (implemented: number) => ({ not_started: 0, planned: 0, in_progress: 10 - implemented, implemented });
  it("computes progress and colour", () => {
    expect(clauseProgress({ requirements: 0, statuses: statuses(0) })).toBe(0);
    expect(clauseProgress({ requirements: 10, statuses: statuses(7) })).toBe(70);
    expect(clauseHeat({ requirements: 10, statuses: statuses(10), failing_rules: [] })).toBe("teal");
    expect(clauseHeat({ requirements: 10, statuses: statuses(10), failing_rules: ["RDY-11"] })).toBe("yellow");
    expect(clauseHeat({ requirements: 10, statuses: statuses(6), failing_rules: ["a", "b"] })).toBe("orange");
    expect(clauseHeat({ requirements: 10, statuses: statuses(2), failing_rules: [] })).toBe("red");
  });

  it("finds the leaves of a clause without matching 10 for 1", () => {
    const items = [
      { ref: "1", assessable: false },
      { ref: "8", assessable: false },
      { ref: "8.1", assessable: true },
      { ref: "8.2.1", assessable: true },
      { ref: "10.1", assessable: true },
      { ref: "1.2", assessable: true },
    ];
    expect(leavesOf(items, "8").map((r) => r.ref)).toEqual(["8.1", "8.2.1"]);
    expect(leavesOf(items, "1").map((r) => r.ref)).toEqual(["1.2"]);
  });
});

describe("trendPoints", () => {
  const snap = (taken_at: string, score: number) => ({
    taken_at,
    snapshot_date: taken_at.slice(0, 10),
    score,
    stage1_ready: score > 50,
    stage2_ready: false,
  });
  it("orders oldest first and keeps the gates", () => {
    const points = trendPoints([snap("2026-03-03T00:00:00Z", 100), snap("2026-03-01T00:00:00Z", 0)]);
    expect(points).toEqual([
      { date: "2026-03-01", score: 0, stage1: false, stage2: false },
      { date: "2026-03-03", score: 100, stage1: true, stage2: false },
    ]);
  });
  it("clamps the score to 0..100 and handles none", () => {
    expect(trendPoints([snap("2026-03-01T00:00:00Z", 140)])[0]?.score).toBe(100);
    expect(trendPoints([snap("2026-03-01T00:00:00Z", -3)])[0]?.score).toBe(0);
    expect(trendPoints([])).toEqual([]);
  });
});

describe("resolveFixHref", () => {
  const known = new Set(["/orgs/acme/evidence", "/orgs/acme/corrective-measures", "/orgs/acme"]);
  const isKnown = (p: string) => known.has(p);
  it("keeps a known route with its query", () => {
    expect(resolveFixHref("/orgs/acme/evidence?fulfils=D8", isKnown)).toBe("/orgs/acme/evidence?fulfils=D8");
  });
  it("falls back to the nearest existing parent page", () => {
    expect(resolveFixHref("/orgs/acme/corrective-measures/123", isKnown)).toBe("/orgs/acme/corrective-measures");
    expect(resolveFixHref("/orgs/acme/training/people/9?x=1", isKnown)).toBe("/orgs/acme");
  });
});

describe("failingRules", () => {
  const rule = (id: string, g: RuleResultRead["gate"], severity: RuleResultRead["severity"], passed: boolean | null) =>
    ({ id, gate: g, severity, passed, implemented: passed !== null }) as RuleResultRead;
  it("lists failing rules, blockers first, by gate then id", () => {
    const rules = [
      rule("RDY-25", "stage1", "warning", false),
      rule("RDY-34", "stage2", "blocker", false),
      rule("RDY-11", "stage1", "blocker", false),
      rule("RDY-01", "stage1", "blocker", true),
      rule("RDY-22", "stage2", "blocker", null),
      rule("RDY-10", "stage2", "blocker", false),
    ];
    expect(failingRules(rules).map((r) => r.id)).toEqual(["RDY-11", "RDY-10", "RDY-34", "RDY-25"]);
  });
});

describe("dates", () => {
  it("counts days and the certification countdown", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(certificationCountdown(null, "2026-01-01")).toBeNull();
    expect(certificationCountdown("2026-05-01", "2026-01-01")).toMatchObject({ days: 120, text: "in 120 days", color: "blue" });
    expect(certificationCountdown("2026-01-11", "2026-01-01")?.color).toBe("orange");
    expect(certificationCountdown("2026-01-01", "2026-01-01")?.text).toBe("today");
    expect(certificationCountdown("2025-12-31", "2026-01-01")).toMatchObject({ text: "1 day ago", color: "red" });
  });
});

describe("buildDeadlines", () => {
  const today = "2026-03-01";
  it("merges sources, keeps only what is due soon, overdue first", () => {
    const list = buildDeadlines(
      {
        measures: [
          { id: "m1", key: "CM-1", title: "Fix 7.5.3", due_date: "2026-02-24", overdue: true, status: "planned" },
          { id: "m2", key: "CM-2", title: "Fix 8.6.3", due_date: "2026-03-31", overdue: false, status: "planned" },
          { id: "m3", key: "CM-3", title: "Later", due_date: "2026-06-01", overdue: false, status: "planned" },
          { id: "m4", key: "CM-4", title: "Done", due_date: "2026-02-01", overdue: false, status: "closed" },
        ],
        evidence: [
          { id: "e1", key: "E-9", title: "Availability report", valid_until: "2026-03-26" },
          { id: "e2", key: "E-10", title: "Far", valid_until: "2027-01-01" },
        ],
        training: [
          { person: "Alex Agent", course: "SMS awareness", expires_on: "2026-03-10", state: "expiring" },
          { person: "Bea Agent", course: "SMS awareness", expires_on: null, state: "missing" },
        ],
        audits: [
          { id: "a1", key: "A-2", title: "Stage 1 rehearsal", planned_start_date: "2026-03-20", status: "planned" },
          { id: "a2", key: "A-1", title: "Closed", planned_start_date: "2026-01-20", status: "closed" },
        ],
      },
      today,
      30,
    );
    expect(list.map((d) => d.key)).toEqual(["CM-1", "Alex Agent", "A-2", "E-9", "CM-2"]);
    expect(list[0]).toMatchObject({ overdue: true, days: -5, path: "corrective-measures/m1" });
    expect(list.find((d) => d.key === "E-9")?.path).toBe("evidence/e1");
  });

  it("words the deadline", () => {
    expect(deadlineWhen({ kind: "corrective_measure", days: -5 })).toBe("overdue by 5 days");
    expect(deadlineWhen({ kind: "corrective_measure", days: 3 })).toBe("due in 3 days");
    expect(deadlineWhen({ kind: "evidence", days: 25 })).toBe("expires in 25 days");
    expect(deadlineWhen({ kind: "training", days: -1 })).toBe("expired 1 day ago");
    expect(deadlineWhen({ kind: "audit", days: 0 })).toBe("starts today");
  });
});
