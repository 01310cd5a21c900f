import type { Message } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { DEMO_MARK, FormWriter } from './pdf/form';

export interface Ics213Data {
  incidentName: string;
  exercise: boolean;
  /** The demonstration coalition: DEMO DATA at the top of every page. */
  demo?: boolean;
  message: Message;
  timeZone: string;
  footer: string;
  generatedBy: string;
  generatedAt: number;
}

const VIA: Record<Message['via'], string> = {
  radio: 'radio',
  phone: 'phone',
  email: 'email',
  in_person: 'in person',
  paper: 'paper',
  fax: 'fax',
  digital: 'the console',
  other: 'another means',
};

/** ICS 213 General Message with its ten blocks; block 5/6 carry the actual time it was sent or said. */
export async function buildIcs213(d: Ics213Data): Promise<{ bytes: Uint8Array; pagesText: string[][] }> {
  const m = d.message;
  const local = formatLocal(m.messageAt, d.timeZone);
  const [date = '', time = '', zone = ''] = local.split(' ');
  const f = await FormWriter.create({
    title: 'GENERAL MESSAGE (ICS 213)',
    formName: 'ICS 213',
    exercise: d.exercise,
    marks: d.demo ? [DEMO_MARK] : [],
    footer: d.footer,
    docTitle: `ICS 213 - ${m.subject}`,
    author: d.generatedBy,
    createdAt: new Date(d.generatedAt),
  });
  f.row([{ n: 1, label: 'Incident Name (Optional)', value: d.incidentName }]);
  f.row([{ n: 2, label: 'To (Name and Position)', value: `${m.toName}, ${m.toPosition}` }]);
  f.row([{ n: 3, label: 'From (Name and Position)', value: `${m.fromName}, ${m.fromPosition}` }]);
  f.row([
    { n: 4, label: 'Subject', value: m.subject, width: 3 },
    { n: 5, label: 'Date', value: date, width: 1 },
    { n: 6, label: 'Time', value: `${time} ${zone}`, width: 1 },
  ]);
  f.row([{ n: 7, label: 'Message', value: m.body }], 12);
  f.row([
    { n: 8, label: 'Approved by: Name', value: m.approvedByName ?? '' },
    { label: 'Signature', value: '' },
    { label: 'Position/Title', value: m.approvedByPosition ?? '' },
  ]);
  f.row([{ n: 9, label: 'Reply', value: m.reply?.text ?? '' }], 8);
  f.row([
    { n: 10, label: 'Replied by: Name', value: m.reply?.repliedByName ?? '' },
    { label: 'Position/Title', value: m.reply?.repliedByPosition ?? '' },
    { label: 'Signature', value: '' },
    { label: 'Date/Time', value: m.reply ? formatLocal(m.reply.repliedAt, d.timeZone) : '' },
  ]);
  f.gap();
  f.note(
    `${m.direction === 'in' ? 'Received' : 'Sent'} by ${VIA[m.via]}; priority ${m.priority}. ` +
      `Recorded in the console by ${m.operatorName ?? 'unknown'}${m.operatorPositionTitle ? ` (${m.operatorPositionTitle})` : ''} at ${formatLocal(m.recordedAt, d.timeZone)}` +
      `${m.transcribed ? '; transcribed, block 5/6 give the time it was actually sent or said' : ''}. Logged to ${m.positionTitle}.`,
  );
  return { bytes: await f.finish(), pagesText: f.pagesText };
}
