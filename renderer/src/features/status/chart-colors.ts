export { useChartColors } from '../request/charts/chart-colors';

/** One colour per series, distinct in both themes. */
export const SERIES = ['indigo.4', 'teal.5', 'orange.5', 'grape.4', 'cyan.5', 'yellow.5', 'pink.4', 'lime.5', 'red.5', 'blue.3'];
