/** One series of region totals over time, as `status.trend` returns it. */
export interface TrendSeries {
  typeId: string;
  points: readonly { at: number; total: number; reporting: number }[];
}

/** A chart row: the time, then per series its total (null: no facility had reported it yet) and how many reported. */
export type TrendRow = { at: number } & Record<string, number | null>;

/** The key under which a row keeps how many facilities a series' total counts. */
export const reportingKey = (typeId: string) => `${typeId}:reporting`;

/**
 * The rows a line chart draws: every time any series changed, each series carried forward to
 * it, so lines step where reports came. Before any facility has reported a type its total is
 * no figure at all (null, drawn as no line), never 0: a region with no reports yet is not a
 * region with no beds.
 */
export function trendRows(series: readonly TrendSeries[]): TrendRow[] {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
  return times.map((at) => {
    const row: TrendRow = { at };
    for (const s of series) {
      let last: TrendSeries['points'][number] | undefined;
      for (const p of s.points) if (p.at <= at) last = p;
      const reported = last !== undefined && last.reporting > 0;
      row[s.typeId] = reported ? last!.total : null;
      row[reportingKey(s.typeId)] = reported ? last!.reporting : 0;
    }
    return row;
  });
}

/** What a chart's tooltip says of one series at one time: the figure and how many facilities it counts. */
export function trendTooltip(value: number | null | undefined, reporting: number, unit: string | null): string {
  if (value === null || value === undefined || reporting === 0) return 'no reports yet';
  const figure = `${value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
  return `${figure} · ${reporting} ${reporting === 1 ? 'facility' : 'facilities'} reporting`;
}
