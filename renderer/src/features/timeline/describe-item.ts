import type { TimelineItem } from '../../../../shared/contract';
import { LATE_ENTRY_MS } from '../../../../shared/domain/incident-rules';
import type { Tone } from '../../components/StatusBadge';
import { transcriptionMark } from '../log/sources';

export interface Mark {
  text: string;
  tone: Tone;
}

/** The words a row carries besides its text: corrected, correction, transcribed, significant. */
export function itemMarks(item: TimelineItem): Mark[] {
  const marks: Mark[] = [];
  if (item.replaced) marks.push({ text: item.kind === 'decision' ? 'Superseded' : 'Corrected', tone: 'warn' });
  if (item.refId && item.kind === 'entry') marks.push({ text: 'Correction', tone: 'info' });
  if (item.refId && item.kind === 'decision') marks.push({ text: 'Supersedes', tone: 'info' });
  // A message is typed in from radio, phone, paper…; an entry says its source.
  const t = item.kind === 'message' ? (item.transcribed ? 'Typed in' : null) : transcriptionMark(item.source, item.transcribed);
  if (t) marks.push({ text: t, tone: 'warn' });
  if (item.significant) marks.push({ text: 'Significant', tone: 'good' });
  return marks;
}

/** Recorded time is shown only when it differs from when it happened. */
export function recordedDiffers(item: { occurredAt: number; recordedAt: number }): boolean {
  return Math.abs(item.recordedAt - item.occurredAt) >= LATE_ENTRY_MS;
}

export function who(item: TimelineItem): string {
  const name = item.operatorName ?? 'Unknown operator';
  const position = item.operatorPositionTitle ?? item.positionTitle;
  return position ? `${name} · ${position}` : name;
}
