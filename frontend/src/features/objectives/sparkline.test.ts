import { describe, expect, it } from "vitest";
import { meetsTarget, sparkSeries } from "./sparkline";

describe("sparkSeries", () => {
  it("orders by date and spans both the values and the target", () => {
    const s = sparkSeries(
      [
        { date: "2026-03-31", value: 100 },
        { date: "2026-01-31", value: 80 },
      ],
      50,
    );
    expect(s.data.map((d) => d.value)).toEqual([80, 100]);
    expect(s.domain).toEqual([40, 110]);
  });

  it("opens a band around a flat series", () => {
    expect(sparkSeries([{ date: "2026-01-31", value: 5 }], 5).domain).toEqual([4.5, 5.5]);
    expect(sparkSeries([{ date: "2026-01-31", value: 0 }], 0).domain).toEqual([-1, 1]);
  });

  it("has no data without points but still a range around the target", () => {
    const s = sparkSeries([], 5);
    expect(s.data).toEqual([]);
    expect(s.domain).toEqual([4.5, 5.5]);
  });
});

describe("meetsTarget", () => {
  it("follows the direction", () => {
    expect(meetsTarget(95, 90, "at_least")).toBe(true);
    expect(meetsTarget(95, 90, "at_most")).toBe(false);
  });
});
