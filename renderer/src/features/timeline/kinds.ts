import type { TimelineKind } from '../../../../shared/contract';
import type { Tone } from '../../components/StatusBadge';

export const KIND_LABELS: Record<TimelineKind, string> = {
  entry: 'Log entry',
  decision: 'Decision',
  message: 'Message',
  reply: 'Reply',
  proposal: 'Proposed',
  review: 'Board review',
  tick: 'Checklist',
  request: 'Request step',
  staffing: 'Staffing',
};

export const KIND_TONES: Record<TimelineKind, Tone> = {
  entry: 'neutral',
  decision: 'info',
  message: 'info',
  reply: 'info',
  proposal: 'warn',
  review: 'warn',
  tick: 'neutral',
  request: 'info',
  staffing: 'neutral',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as TimelineKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }));
