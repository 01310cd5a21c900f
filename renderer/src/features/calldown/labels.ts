import type { Tone } from '../../components/StatusBadge';
import type { TargetStatus } from '../../../../shared/domain/calldown';

export const STATUS_TONE: Record<TargetStatus, Tone> = { reached: 'good', voicemail: 'warn', no_answer: 'warn', wrong_number: 'bad', not_called: 'neutral' };
