import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../../../../shared/contract';
import { OPEN_STATUSES, STATUS_LABELS } from '../../../../../shared/domain/request-state';
import { localParts } from '../../../lib/format';
import { STATUS_COLOR } from '../lib/labels';
import { useChartColors } from './chart-colors';
import { timeTicks } from './time-ticks';

type Data = MethodOutput<'request.charts'>['statusOverTime'];

/** Open requests by status over time, stacked: the board's history at a glance. */
export function StatusOverTimeChart({ data, timeZone }: { data: Data; timeZone: string }) {
  const c = useChartColors();
  const present = OPEN_STATUSES.filter((s) => data.some((d) => (d.counts[s] ?? 0) > 0));
  const rows = data.map((d) => ({ at: d.at, ...Object.fromEntries(present.map((s) => [s, d.counts[s] ?? 0])) }));
  const axis = timeTicks(data[0]?.at ?? 0, data.at(-1)?.at ?? 1, timeZone);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <AreaChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} scale="time" ticks={axis.ticks} tickFormatter={axis.label} stroke={c.text} tick={{ fill: c.text }} />
        <YAxis allowDecimals={false} stroke={c.text} tick={{ fill: c.text }} />
        <Tooltip
          labelFormatter={(ms) => `${localParts(Number(ms), timeZone).hm} ${localParts(Number(ms), timeZone).zone}`}
          {...c.tooltip}
        />
        <Legend wrapperStyle={{ color: c.text }} itemSorter={(item) => OPEN_STATUSES.indexOf(item.dataKey as (typeof OPEN_STATUSES)[number])} />
        {present.map((s) => (
          <Area key={s} type="stepAfter" dataKey={s} name={STATUS_LABELS[s]} stackId="open" stroke={c.pick(STATUS_COLOR[s])} fill={c.pick(STATUS_COLOR[s])} fillOpacity={0.55} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
