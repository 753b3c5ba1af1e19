/** Data and value range of an objective's small measurement chart (drawn with @mantine/charts). */

export interface SparkPoint {
  /** The period end (calendar date), for ordering and the tooltip. */
  date: string;
  value: number;
}

export interface SparkSeries {
  /** The points, oldest first. */
  data: SparkPoint[];
  /** The y range, wide enough for both the values and the target line. */
  domain: [number, number];
}

/**
 * Points sorted by date and a y range that shows both the values and the target (the chart
 * library would otherwise fit the values only and the target line could fall off the chart);
 * a flat series gets a band around it so the line sits in the middle.
 */
export function sparkSeries(points: readonly SparkPoint[], target: number): SparkSeries {
  const data = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const values = [...data.map((p) => p.value), target];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    const spread = Math.abs(hi) * 0.1 || 1;
    lo -= spread;
    hi += spread;
  } else {
    // a little air so dots on the edge are not clipped
    const air = (hi - lo) * 0.2;
    lo -= air;
    hi += air;
  }
  return { data, domain: [round(lo), round(hi)] };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Whether a value meets the target in the objective's direction. */
export function meetsTarget(value: number, target: number, direction: "at_least" | "at_most"): boolean {
  return direction === "at_least" ? value >= target : value <= target;
}
