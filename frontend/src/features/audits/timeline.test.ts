import { describe, expect, it } from "vitest";
import { groupByMonth } from "./timeline";

describe("groupByMonth", () => {
  it("groups by planned month in order and keeps undated items apart", () => {
    const items = [
      { id: "a", d: "2026-05-20" },
      { id: "b", d: null },
      { id: "c", d: "2026-03-02" },
      { id: "d", d: "2026-05-01" },
    ];
    const { months, undated } = groupByMonth(items, (i) => i.d);
    expect(months.map((m) => [m.month, m.items.map((i) => i.id)])).toEqual([
      ["2026-03", ["c"]],
      ["2026-05", ["d", "a"]],
    ]);
    expect(undated.map((i) => i.id)).toEqual(["b"]);
  });
});
