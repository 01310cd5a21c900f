export { useChartColors } from '../request/charts/chart-colors';

/**
 * One colour per series, distinct in both themes: light shades on the dark background,
 * dark ones on white (a line at least 3:1 against it; yellow and lime need their darkest).
 */
const SERIES: readonly [name: string, onDark: number, onLight: number][] = [
  ['indigo', 4, 7],
  ['teal', 5, 8],
  ['orange', 5, 8],
  ['grape', 4, 7],
  ['cyan', 5, 8],
  ['yellow', 5, 9],
  ['pink', 4, 7],
  ['lime', 5, 9],
  ['red', 5, 8],
  ['blue', 3, 7],
];

/** The i-th series' colour spec for the theme shown (for useChartColors().pick). */
export function seriesColor(i: number, dark: boolean): string {
  const [name, onDark, onLight] = SERIES[i % SERIES.length]!;
  return `${name}.${dark ? onDark : onLight}`;
}
