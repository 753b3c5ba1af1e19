/** Geometry of a small line chart of measurements against a target line (inline SVG, no chart library). */

export interface SparkPoint {
  /** The period end (calendar date), for ordering and the tooltip. */
  date: string;
  value: number;
}

export interface SparkGeometry {
  /** SVG path of the values, oldest first ("" when there are none). */
  path: string;
  /** Circles at each value. */
  dots: { x: number; y: number; point: SparkPoint }[];
  /** y of the target line. */
  targetY: number;
}

/**
 * Scale points into a `width` × `height` box (with `pad` inside) so that both the values and
 * the target are visible; points are sorted by date; a single point sits in the middle.
 */
export function sparkGeometry(points: readonly SparkPoint[], target: number, width: number, height: number, pad = 3): SparkGeometry {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const values = [...sorted.map((p) => p.value), target];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    // flat: open a band around the value so the line sits in the middle
    const spread = Math.abs(hi) * 0.1 || 1;
    lo -= spread;
    hi += spread;
  }
  const y = (v: number) => round(pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad));
  const n = sorted.length;
  const x = (i: number) => round(n === 1 ? width / 2 : pad + (i / (n - 1)) * (width - 2 * pad));
  const dots = sorted.map((point, i) => ({ x: x(i), y: y(point.value), point }));
  const path = dots.map((d, i) => `${i === 0 ? "M" : "L"}${d.x},${d.y}`).join(" ");
  return { path, dots, targetY: y(target) };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Whether a value meets the target in the objective's direction. */
export function meetsTarget(value: number, target: number, direction: "at_least" | "at_most"): boolean {
  return direction === "at_least" ? value >= target : value <= target;
}
