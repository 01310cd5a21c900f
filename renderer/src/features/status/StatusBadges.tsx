import { formatAgeShort, type Severity, type Staleness } from '../../../../shared/domain/status-rules';
import { StatusBadge } from '../../components/StatusBadge';
import { SEVERITY_TONE, STALENESS_TONE } from './labels';

/** A facility's status in words, coloured by severity as a second cue. */
export function HeadlineBadge({ words, severity, testId }: { words: string; severity: Severity; testId?: string }) {
  return (
    <StatusBadge tone={SEVERITY_TONE[severity]} filled={severity === 'critical' || severity === 'warning'} {...(testId ? { testId } : {})}>
      {words}
    </StatusBadge>
  );
}

/**
 * How old a value is, and whether it is past its reporting interval: "STALE 5 h 10 min",
 * "OVERDUE 1 d 2 h", or "40 min ago". Nothing when nothing was reported: the headline beside
 * it says "No report" already (it said it twice, "NO REPORT NO REPORT", on every new member).
 */
export function StalenessBadge({ staleness, ageMs, testId }: { staleness: Staleness | null; ageMs: number | null; testId?: string }) {
  if (staleness === null || ageMs === null) return null;
  const words = staleness === 'CURRENT' ? `${formatAgeShort(ageMs)} ago` : `${staleness} ${formatAgeShort(ageMs)}`;
  return (
    <StatusBadge tone={STALENESS_TONE[staleness]} {...(testId ? { testId } : {})}>
      {words}
    </StatusBadge>
  );
}
