export { useChartColors } from '../request/charts/chart-colors';

/**
 * One colour per series, distinct in both themes: light shades on the dark background, dark
 * ones on white (a line at least 3:1 against it). On white, yellow's darkest is orange's
 * twin and under 3:1: violet takes its place there.
 */
const SERIES: readonly [onDark: string, onLight: string][] = [
  ['indigo.4', 'indigo.7'],
  ['teal.5', 'teal.8'],
  ['orange.5', 'orange.8'],
  ['grape.4', 'grape.7'],
  ['cyan.5', 'cyan.8'],
  ['yellow.5', 'violet.7'],
  ['pink.4', 'pink.7'],
  ['lime.5', 'lime.9'],
  ['red.5', 'red.8'],
  ['blue.3', 'blue.7'],
];

/** The i-th series' colour spec for the theme shown (for useChartColors().pick). */
export function seriesColor(i: number, dark: boolean): string {
  const [onDark, onLight] = SERIES[i % SERIES.length]!;
  return dark ? onDark : onLight;
}
