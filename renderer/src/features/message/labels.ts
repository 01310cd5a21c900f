import type { Message } from '../../../../shared/contract';

export const VIA_LABELS: Record<Message['via'], string> = {
  radio: 'Radio',
  phone: 'Phone',
  email: 'Email',
  in_person: 'In person',
  paper: 'Paper',
  fax: 'Fax',
  digital: 'Digital',
  other: 'Other',
};

export const PRIORITY_LABELS: Record<Message['priority'], string> = { routine: 'Routine', urgent: 'Urgent', immediate: 'Immediate' };

export const VIA_OPTIONS = Object.entries(VIA_LABELS).map(([value, label]) => ({ value, label }));
export const PRIORITY_OPTIONS = Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }));
