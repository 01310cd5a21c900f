import type { MantineColor } from '@mantine/core';
import { PRIORITIES, PRIORITY_LABELS, type Priority, type RequestStatus, STATUS_LABELS, OPEN_STATUSES } from '../../../../../shared/domain/request-state';
import type { Tone } from '../../../components/StatusBadge';

/** Colour is only the second cue: every badge carries the status in words. */
export const STATUS_TONE: Readonly<Record<RequestStatus, Tone>> = {
  draft: 'neutral',
  submitted: 'info',
  changes_requested: 'warn',
  denied: 'bad',
  resource_check: 'info',
  sourcing: 'info',
  finance_review: 'info',
  ordered: 'info',
  en_route: 'info',
  received: 'good',
  assigned: 'good',
  released: 'neutral',
  returned: 'neutral',
  closed: 'neutral',
  cancelled: 'neutral',
};

export const PRIORITY_TONE: Readonly<Record<Priority, Tone>> = { urgent: 'bad', routine: 'info', low: 'neutral' };

/** Stable chart colours per status, distinct in both themes. */
export const STATUS_COLOR: Readonly<Record<RequestStatus, MantineColor>> = {
  draft: 'gray.5',
  submitted: 'violet.5',
  changes_requested: 'yellow.6',
  denied: 'red.7',
  resource_check: 'grape.5',
  sourcing: 'indigo.5',
  finance_review: 'cyan.6',
  ordered: 'blue.5',
  en_route: 'orange.5',
  received: 'teal.5',
  assigned: 'green.6',
  released: 'lime.6',
  returned: 'gray.6',
  closed: 'dark.3',
  cancelled: 'dark.4',
};

export const statusOptions = OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const allStatusOptions = (Object.keys(STATUS_LABELS) as RequestStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const priorityOptions = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
