import { describe, expect, it } from "vitest";
import { meetsTarget, sparkGeometry } from "./sparkline";

describe("sparkGeometry", () => {
  it("orders by date and scales values and target into the box", () => {
    const g = sparkGeometry(
      [
        { date: "2026-03-31", value: 100 },
        { date: "2026-01-31", value: 80 },
      ],
      90,
      100,
      20,
      0,
    );
    expect(g.dots.map((d) => d.point.value)).toEqual([80, 100]);
    expect(g.path).toBe("M0,20 L100,0");
    expect(g.targetY).toBe(10);
  });

  it("centres a single point and handles a flat series", () => {
    const g = sparkGeometry([{ date: "2026-01-31", value: 5 }], 5, 100, 20, 0);
    expect(g.dots[0]?.x).toBe(50);
    expect(g.dots[0]?.y).toBe(10);
    expect(g.targetY).toBe(10);
  });

  it("has no path without points", () => {
    expect(sparkGeometry([], 5, 100, 20).path).toBe("");
  });
});

describe("meetsTarget", () => {
  it("follows the direction", () => {
    expect(meetsTarget(95, 90, "at_least")).toBe(true);
    expect(meetsTarget(95, 90, "at_most")).toBe(false);
  });
});
