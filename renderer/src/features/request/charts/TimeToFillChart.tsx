import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../../../../shared/contract';
import { useChartColors } from './chart-colors';

type Data = MethodOutput<'request.charts'>['timeToFill'];
const hours = (ms: number | null) => (ms === null ? 0 : Math.round((ms / 3_600_000) * 10) / 10);

/** Submission to first receipt, median and 90th percentile, by priority. */
export function TimeToFillChart({ data }: { data: Data }) {
  const c = useChartColors();
  const rows = data.map((d) => ({ name: d.priorityLabel, median: hours(d.medianMs), p90: hours(d.p90Ms) }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis dataKey="name" stroke={c.text} tick={{ fill: c.text }} />
        <YAxis unit=" h" stroke={c.text} tick={{ fill: c.text }} />
        <Tooltip formatter={(v) => `${String(v)} h`} {...c.tooltip} />
        <Legend wrapperStyle={{ color: c.text }} />
        <Bar dataKey="median" name="Median" fill={c.pick('indigo.5')} isAnimationActive={false} />
        <Bar dataKey="p90" name="90th percentile" fill={c.pick('orange.5')} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
