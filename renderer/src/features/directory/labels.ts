import type { AgreementStanding } from '../../../../shared/domain/agreements';
import { DISCIPLINE_LABELS, DISCIPLINES, MEMBERSHIP_LABELS, MEMBERSHIPS } from '../../../../shared/domain/disciplines';
import type { Tone } from '../../components/StatusBadge';

export const disciplineOptions = DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }));
export const membershipOptions = MEMBERSHIPS.map((m) => ({ value: m, label: MEMBERSHIP_LABELS[m] }));

/** Colour is the second cue; the standing label always says it in words. */
export const STANDING_TONE: Readonly<Record<AgreementStanding, Tone>> = {
  active: 'good',
  open_ended: 'good',
  expiring_soon: 'warn',
  expired: 'bad',
  not_yet_effective: 'neutral',
};
