import { lazy, Suspense, type ComponentProps } from "react";
import { Skeleton } from "@mantine/core";
import type { LineChart as MantineLineChart } from "@mantine/charts";

// recharts is most of @mantine/charts' weight: load it with the first chart, not with the app.
const Chart = lazy(() => import("@mantine/charts").then((m) => ({ default: m.LineChart })));

/** @mantine/charts' LineChart, loaded on first use (a skeleton of the same size meanwhile). */
export function LineChart(props: ComponentProps<typeof MantineLineChart>) {
  return (
    <Suspense fallback={<Skeleton h={props.h} w={props.w} />}>
      <Chart {...props} />
    </Suspense>
  );
}
