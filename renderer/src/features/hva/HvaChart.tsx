import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HvaHazard } from '../../../../shared/contract';
import { useChartColors } from '../request/charts/chart-colors';

/** Relative risk by hazard, highest first; the value is written on each bar, not left to colour. */
export function HvaChart({ hazards }: { hazards: HvaHazard[] }) {
  const c = useChartColors();
  const rows = hazards.map((h) => ({ name: h.hazard, risk: h.riskPct }));
  const tone = (r: number) => c.pick(r >= 50 ? 'red.6' : r >= 25 ? 'orange.6' : 'teal.6');
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 34 * rows.length + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis type="number" unit="%" domain={[0, 100]} stroke={c.text} tick={{ fill: c.text }} />
        <YAxis type="category" dataKey="name" width={260} stroke={c.text} tick={{ fill: c.text, fontSize: 13 }} />
        <Tooltip formatter={(v) => `${String(v)}%`} {...c.tooltip} />
        <Bar dataKey="risk" name="Relative risk" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.name} fill={tone(r.risk)} />
          ))}
          <LabelList dataKey="risk" position="right" formatter={(v) => `${String(v)}%`} fill={c.text} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
