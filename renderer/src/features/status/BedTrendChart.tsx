import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../../../shared/contract';
import { localParts } from '../../lib/format';
import { seriesColor, useChartColors } from './chart-colors';
import { reportingKey, trendRows, trendTooltip } from './trend-rows';

type Series = MethodOutput<'status.trend'>['series'];

/**
 * Region totals over time, one line per status type. Only series of one unit are drawn
 * together (beds with beds): a chart never adds or stacks unlike units.
 */
export function TrendChart({ series, timeZone, height = 280, big = false }: { series: Series; timeZone: string; height?: number; big?: boolean }) {
  const c = useChartColors();
  const unit = series[0]?.unit ?? null;
  const drawn = series.filter((s) => s.unit === unit);
  const rows = trendRows(drawn);
  const font = big ? 18 : 12;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => localParts(ms, timeZone).hm} stroke={c.text} tick={{ fill: c.text, fontSize: font }} />
        <YAxis stroke={c.text} tick={{ fill: c.text, fontSize: font }} width={big ? 64 : 48} label={unit ? { value: unit, angle: -90, position: 'insideLeft', fill: c.text, fontSize: font } : undefined} allowDecimals={false} />
        <Tooltip filterNull={false} labelFormatter={(ms) => `${localParts(Number(ms), timeZone).date} ${localParts(Number(ms), timeZone).hm}`} {...c.tooltip}
          formatter={(value, name, item) => [trendTooltip(value as number | null, Number((item.payload as Record<string, number>)[reportingKey(String(item.dataKey))] ?? 0), unit), name]}
        />
        <Legend wrapperStyle={{ fontSize: font }} />
        {drawn.map((s, i) => (
          <Line key={s.typeId} type="stepAfter" dataKey={s.typeId} name={s.label.replace(/ beds available$/, '')} stroke={c.pick(seriesColor(i, c.dark))} strokeWidth={big ? 4 : 2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
