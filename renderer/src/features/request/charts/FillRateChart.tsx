import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../../../../shared/contract';
import { useChartColors } from './chart-colors';

type Data = MethodOutput<'request.charts'>['fillRateBySource'];
const SHORT: Record<string, string> = { inventory: 'Inventory', member: 'Member', agreement: 'Agreement', state: 'State', purchase: 'Purchase', unfilled: 'Not yet sourced' };
const SOURCE_COLOR: Record<string, string> = { inventory: 'teal.5', member: 'indigo.5', agreement: 'grape.5', state: 'cyan.6', purchase: 'yellow.6', unfilled: 'gray.6' };

/** Share of the request lines each source filled (each line counts once), and what is still unfilled. */
export function FillRateChart({ data }: { data: Data }) {
  const c = useChartColors();
  const rows = data.map((d) => ({ name: SHORT[d.source] ?? d.label, source: d.source, pct: Math.round(d.share * 1000) / 10 }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis type="number" unit="%" domain={[0, 100]} stroke={c.text} tick={{ fill: c.text }} />
        <YAxis type="category" dataKey="name" width={130} stroke={c.text} tick={{ fill: c.text }} />
        <Tooltip formatter={(v) => `${String(v)}%`} {...c.tooltip} />
        <Bar dataKey="pct" name="Share of request lines" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.source} fill={c.pick(SOURCE_COLOR[r.source] ?? 'gray.5')} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
