import { localParts } from '../../../lib/format';

const HOUR = 3_600_000;
const STEPS = [1, 2, 3, 6, 12, 24, 48].map((h) => h * HOUR);

/**
 * Ticks for a time axis at whole-hour steps (at most `max` of them) and their labels. The
 * chart library picked data points as ticks and labelled them HH:MM, so over a day it
 * repeated "14:00"; here a span of a day or more carries the date on each label.
 */
export function timeTicks(from: number, to: number, timeZone: string, max = 8): { ticks: number[]; label: (ms: number) => string } {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= max) ?? STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  const withDate = span >= 20 * HOUR;
  const label = (ms: number) => {
    const p = localParts(ms, timeZone);
    return withDate ? `${p.date.slice(0, 6)} ${p.hm}` : p.hm;
  };
  return { ticks, label };
}
