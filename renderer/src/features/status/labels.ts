import type { Tone } from '../../components/StatusBadge';
import type { Severity, Staleness } from '../../../../shared/domain/status-rules';

export const SEVERITY_TONE: Readonly<Record<Severity, Tone>> = { critical: 'bad', warning: 'warn', advisory: 'info', normal: 'good', unknown: 'neutral' };
export const STALENESS_TONE: Readonly<Record<Staleness, Tone>> = { CURRENT: 'neutral', STALE: 'warn', OVERDUE: 'bad' };
