import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { localParts } from '../../lib/format';
import { useChartColors } from './chart-colors';

/** Share of facilities that answered against time, with the deadline marked. */
export function ResponseCurve({ curve, deadline, now, timeZone, waiting }: { curve: { at: number; share: number }[]; deadline: number; now: number; timeZone: string; waiting: boolean }) {
  const c = useChartColors();
  const last = curve.at(-1)!;
  // While facilities are outstanding the curve runs on to now; once all answered, to the last answer (or the deadline).
  const end = waiting ? Math.max(now, deadline) : Math.max(last.at, deadline);
  const data = [...curve.map((p) => ({ at: p.at, pct: Math.round(p.share * 100) })), ...(end > last.at ? [{ at: end, pct: Math.round(last.share * 100) }] : [])];
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => localParts(ms, timeZone).hm} stroke={c.text} tick={{ fill: c.text }} />
        <YAxis unit="%" domain={[0, 100]} stroke={c.text} tick={{ fill: c.text }} width={56} />
        <Tooltip labelFormatter={(ms) => localParts(Number(ms), timeZone).hm} formatter={(v) => [`${String(v)}%`, 'Answered']} {...c.tooltip} />
        <ReferenceLine x={deadline} stroke={c.pick('red.6')} strokeWidth={2} label={{ value: `Deadline ${localParts(deadline, timeZone).hm}`, fill: c.text, position: 'insideTopRight' }} />
        <Line type="stepAfter" dataKey="pct" stroke={c.pick('indigo.4')} strokeWidth={3} dot isAnimationActive={false} name="Answered" />
      </LineChart>
    </ResponsiveContainer>
  );
}
