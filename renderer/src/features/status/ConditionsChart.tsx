import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../../../shared/contract';
import { localParts } from '../../lib/format';
import { useChartColors } from './chart-colors';

type Data = MethodOutput<'status.conditionsOverTime'>;
const COLOR: Record<string, string> = {
  Closed: 'red.7',
  Evacuating: 'red.5',
  'No power': 'grape.5',
  'On diversion': 'orange.5',
  Compromised: 'yellow.5',
  'On generator': 'yellow.7',
  'ED closed': 'pink.5',
  'EMS advisory': 'indigo.4',
};

/**
 * Facilities in each condition over time. Conditions are drawn side by side, not stacked:
 * a facility on diversion and on generator counts in both, so a stack would double it.
 */
export function ConditionsChart({ data, timeZone }: { data: Data; timeZone: string }) {
  const c = useChartColors();
  const rows = data.points.map((p) => ({ at: p.at, ...p.counts }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <AreaChart data={rows} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => localParts(ms, timeZone).hm} stroke={c.text} tick={{ fill: c.text }} />
        <YAxis allowDecimals={false} stroke={c.text} tick={{ fill: c.text }} width={40} label={{ value: 'facilities', angle: -90, position: 'insideLeft', fill: c.text }} />
        <Tooltip labelFormatter={(ms) => localParts(Number(ms), timeZone).hm} {...c.tooltip} />
        <Legend />
        {data.conditions.map((k) => (
          <Area key={k} type="stepAfter" dataKey={k} name={k} stroke={c.pick(COLOR[k] ?? 'gray.5')} fill={c.pick(COLOR[k] ?? 'gray.5')} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
