import { describe, expect, it } from "vitest";
import { countsText, prefillLines, sectionLines, uncoveredTitles } from "./prefill";

describe("sectionLines", () => {
  it("summarises findings with the trend", () => {
    const lines = sectionLines("findings", {
      total: 3,
      open: 2,
      raised_since: 3,
      closed_since: 1,
      net_change_since: 2,
      by_grade: { minor_nc: { total: 2, open: 1 } },
    });
    expect(lines.find((l) => l.key === "findings.open")?.value).toBe("2");
    expect(lines.find((l) => l.key === "findings.net")?.value).toBe("+2");
    expect(lines.find((l) => l.key === "findings.grade.minor_nc")).toEqual({ key: "findings.grade.minor_nc", label: "minor NC", value: "1 open of 2" });
  });

  it("shows training coverage as a percentage", () => {
    const [people, overall] = sectionLines("training", {
      people_in_scope: 4,
      overall: { required: 8, ok: 6, expiring: 0, expired: 1, missing: 1, percent: 75 },
      awareness: { required: 0, ok: 0, expiring: 0, expired: 0, missing: 0, percent: null },
    });
    expect(people?.value).toBe("4");
    expect(overall?.value).toBe("75 % (6 ok, 0 expiring, 1 expired, 1 missing)");
  });

  it("survives missing or odd data", () => {
    expect(sectionLines("audits", null)).toEqual([{ key: "audits.none", label: "Audits", value: "no data" }]);
    expect(sectionLines("audits", { closed_since: "x", results: [] })).toEqual([{ key: "audits.results", label: "Checklist results", value: "—" }]);
  });
});

describe("countsText", () => {
  it("joins counts", () => {
    expect(countsText({ conforming: 5, nonconforming: 1 })).toBe("conforming 5, nonconforming 1");
    expect(countsText({})).toBe("none");
  });
});

describe("prefillLines", () => {
  it("keeps the section order", () => {
    expect(prefillLines({ findings: { total: 0 }, objectives: { total: 1 } }).map((s) => s.title)).toEqual(["Findings", "Objectives"]);
  });
});

describe("uncoveredTitles", () => {
  it("maps keys to titles", () => {
    expect(uncoveredTitles({ uncovered_topics: ["risks", "new"] }, [{ key: "risks", title: "Risk results" }])).toEqual(["Risk results", "new"]);
    expect(uncoveredTitles({}, [])).toEqual([]);
  });
});
