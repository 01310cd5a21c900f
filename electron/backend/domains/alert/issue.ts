import { createHash } from 'node:crypto';
import { newId as uuidv7 } from '../../db/ids';
import type { MethodParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid } from '../../errors';
import { isDemo } from '../demo/queries';
import { requireIncident } from '../incident/guards';
import { getCoalition } from '../setup/queries';
import { buildCap, capTime } from './cap-build';
import { checkCap } from './cap-check';
import { getAlertRow } from './queries';

type IssueInput = MethodParsedInput<'alert.issue'>;

/** A sender id from the coalition's name: no spaces or commas (CAP 1.2 sender). */
export function defaultSender(db: Db): string {
  const name = getCoalition(db)?.name ?? 'coalition';
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'coalition'}@eoc.invalid`;
}

/**
 * Issues a CAP alert: builds the XML, checks it against the schema's structure, and
 * records it as a fact with its SHA-256. Refused in words, with nothing recorded, when
 * the message would not conform. An exercise incident's alerts are always status Exercise;
 * the demonstration coalition's always Test, the status receiving systems discard, as its
 * EDXL exports say (export/marks, edxl/de-marks): never Actual, nor Exercise, which a partner
 * running an exercise of its own would act on.
 */
export function issueAlert(tx: WriteTx, db: Db, input: IssueInput): { id: string; xml: string } {
  const incident = input.incidentId ? requireIncident(db, input.incidentId) : null;
  const demo = isDemo(db);
  const status = demo ? 'Test' : incident?.exercise === 1 ? 'Exercise' : input.status;
  const refd = input.referencesId ? getAlertRow(db, input.referencesId) : undefined;
  if (input.msgType !== 'Alert' && !refd) {
    throw invalid(`${input.msgType === 'Update' ? 'An update' : 'A cancellation'} must name the alert it ${input.msgType === 'Update' ? 'updates' : 'cancels'}`, { issues: [{ path: ['referencesId'], message: 'Choose the earlier alert' }] });
  }
  if (input.msgType === 'Alert' && input.referencesId) throw invalid('A new alert refers to no earlier alert; choose Update or Cancel to refer to one');
  const now = tx.now();
  const id = uuidv7();
  const sender = input.sender ?? defaultSender(db);
  const identifier = `${sender.split('@')[0]}-${id}`;
  const xml = buildCap({
    identifier,
    sender,
    sent: now,
    status,
    msgType: input.msgType,
    scope: 'Public',
    note: demo ? 'DEMO DATA: not a real alert.' : null,
    references: refd ? [`${sender},${refd.identifier},${refd.sent_text}`] : [],
    incidents: incident ? incident.id : null,
    info: {
      language: 'en-US',
      categories: [...new Set(input.categories)],
      event: input.event,
      responseTypes: [...new Set(input.responseTypes)],
      urgency: input.urgency,
      severity: input.severity,
      certainty: input.certainty,
      effective: now,
      expires: now + input.expiresInHours * 3_600_000,
      senderName: input.senderName,
      headline: input.headline,
      description: input.description,
      instruction: input.instruction,
      web: input.web,
      contact: input.contact,
      area: { areaDesc: input.areaDesc, geocodes: input.geocodes },
    },
  });
  const problems = checkCap(xml);
  if (problems.length) throw invalid(`The alert would not conform to CAP 1.2, so it was not issued: ${problems.slice(0, 3).join('; ')}`);
  tx.appendFact('alerts', {
    id,
    occurred_at: now,
    identifier,
    incident_id: incident?.id ?? null,
    template: input.template,
    status,
    msg_type: input.msgType,
    headline: input.headline,
    event: input.event,
    area_desc: input.areaDesc,
    sent_text: capTime(now),
    expires_at: now + input.expiresInHours * 3_600_000,
    references_id: refd?.id ?? null,
    xml,
    sha256: createHash('sha256').update(xml, 'utf8').digest('hex'),
    demo: demo ? 1 : 0,
  });
  return { id, xml };
}
