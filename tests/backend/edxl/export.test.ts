import { describe, expect, it } from 'vitest';
import { makeItem, makeOrg, requestInput, step, withIncident } from '../request/fixtures';
import { all, child, inOrder, names, tree, type El } from './helpers';

/**
 * What the EDXL-RM 1.0 schemas require (standards reference §5.4), written out here so
 * these tests need neither the XSD files nor the exporter's own tables.
 */
const HEADER = ['MessageID', 'SentDateTime', 'MessageContentType', 'MessageDescription', 'OriginatingMessageID', 'PrecedingMessageID', 'IncidentInformation', 'MessageRecall', 'Funding', 'ContactInformation', 'ResourceInformation'];
const RESOURCE_INFO = ['ResourceInfoElementID', 'ResponseInformation', 'Resource', 'AssignmentInformation', 'ScheduleInformation'];
const RESOURCE = ['ResourceID', 'Name', 'TypeStructure', 'TypeInfo', 'Keyword', 'Description', 'Credentials', 'Certifications', 'SpecialRequirements', 'ResponsibleParty', 'OwnershipInformation', 'ResourceStatus'];
const ASSIGNMENT = ['Quantity', 'Restrictions', 'AnticipatedFunction', 'PriceQuote', 'OrderID', 'AssignmentInstructions'];
const CONTACT_ROLES = ['Sender', 'Requester', 'SubjectMatterExpert', 'Approver', 'RespondingOrg', 'Owner'];
const RESPONSE_TYPES = ['Accept', 'Decline', 'Provisional'];
const SCHEDULES: Record<string, string[]> = {
  RequestResource: ['RequestedArrival', 'RequestedDeparture', 'EstimatedReturnDeparture', 'EstimatedReturnArrival', 'ReportTo', 'Route'],
  ResponseToRequestResource: ['EstimatedArrival', 'EstimatedDeparture', 'RequestedReturnDeparture', 'RequestedReturnArrival', 'BeginAvailable', 'EndAvailable', 'RequestedArrival', 'RequestedDeparture', 'EstimatedReturnDeparture', 'ReportTo', 'Route'],
  CommitResource: ['ActualDeparture', 'Committed', 'RequestedArrival', 'RequestedDeparture', 'EstimatedReturnDeparture', 'RequestedReturnArrival', 'EstimatedReturnArrival', 'ReportTo', 'EstimatedArrival', 'EstimatedDeparture', 'RequestedReturnDeparture', 'BeginAvailable', 'EndAvailable', 'Current', 'Route'],
  ReleaseResource: ['ActualReturnDeparture', 'Current', 'RequestedArrival', 'EstimatedArrival', 'ActualArrival', 'RequestedDeparture', 'EstimatedDeparture', 'ActualDeparture', 'RequestedReturnDeparture', 'RequestedReturnArrival', 'BeginAvailable', 'EndAvailable', 'Committed', 'ReportTo', 'EstimatedReturnDeparture', 'EstimatedReturnArrival', 'Route'],
  ReportResourceDeploymentStatus: ['RequestedArrival', 'EstimatedArrival', 'ActualArrival', 'RequestedDeparture', 'EstimatedDeparture', 'ActualDeparture', 'RequestedReturnDeparture', 'EstimatedReturnDeparture', 'ActualReturnDeparture', 'RequestedReturnArrival', 'EstimatedReturnArrival', 'ActualReturnArrival', 'BeginAvailable', 'EndAvailable', 'Committed', 'Current', 'ReportTo', 'Route'],
};
const REQUIRED_HEADER: Record<string, string[]> = {
  RequestResource: ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'ContactInformation', 'ResourceInformation'],
  ResponseToRequestResource: ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'PrecedingMessageID', 'ContactInformation', 'ResourceInformation'],
  CommitResource: ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'PrecedingMessageID', 'ContactInformation', 'ResourceInformation'],
  ReleaseResource: ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'ContactInformation', 'ResourceInformation'],
  ReportResourceDeploymentStatus: ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'ContactInformation', 'ResourceInformation'],
};
const XSD_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

async function fullLifecycle(exercise = false) {
  const t = await withIncident({ exercise });
  const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
  const cache = await makeOrg(t, 'Coalition cache', { discipline: 'other' });
  const hospital = await makeOrg(t, 'Riverbend General Hospital');
  const n95 = await makeItem(t, cache, 'N95 respirator', 1000);
  const { request } = await t.call('request.create', requestInput(t.incidentId, ltc, { lines: [{ quantity: 500, kind: 'N95 respirator', type: 'Size S', requestedArrival: Date.now() + 3_600_000 }] }));
  const id = request.id;
  const lineId = request.lines[0]!.id;
  await step(t, 'HCCDO', { action: 'submit', id });
  await step(t, 'OSC', { action: 'return_for_changes', id, reason: 'Sizes' });
  await step(t, 'HCCDO', { action: 'submit', id });
  await step(t, 'OSC', { action: 'approve', id });
  await step(t, 'RESL', { action: 'check_resources', id });
  await step(t, 'LSC', { action: 'source', id, lineId, quantity: 300, source: { kind: 'inventory', inventoryItemId: n95 }, orderNumber: 'R1-77' });
  await step(t, 'LSC', { action: 'source', id, lineId, quantity: 200, source: { kind: 'member', organisationId: hospital }, estimatedArrival: Date.now() + 7_200_000 });
  await step(t, 'LSC', { action: 'send_to_finance', id });
  await step(t, 'FSC', { action: 'finance_approve', id });
  await step(t, 'LSC', { action: 'mark_en_route', id, eta: Date.now() + 7_200_000 });
  await step(t, 'OSC', { action: 'receive', id });
  await step(t, 'OSC', { action: 'assign', id, assignedTo: 'Second floor' });
  await step(t, 'DMOB', { action: 'release', id });
  await step(t, 'LSC', { action: 'return_resources', id });
  await step(t, 'LSC', { action: 'close', id });
  return { t, id };
}

describe('EDXL-RM 1.0 export', () => {
  it('writes one message per exchanged step, each with the schema’s required elements in order and values from its lists', async () => {
    const { t, id } = await fullLifecycle();
    const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: id });
    expect(envelope).toBeNull();
    expect(messages.map((m) => [m.action, m.messageType])).toEqual([
      ['submit', 'RequestResource'],
      ['submit', 'RequestResource'],
      ['source', 'ResponseToRequestResource'],
      ['source', 'ResponseToRequestResource'],
      ['finance_approve', 'CommitResource'],
      ['mark_en_route', 'ReportResourceDeploymentStatus'],
      ['receive', 'ReportResourceDeploymentStatus'],
      ['assign', 'ReportResourceDeploymentStatus'],
      ['release', 'ReleaseResource'],
      ['return_resources', 'ReportResourceDeploymentStatus'],
    ]);
    for (const m of messages) {
      expect(m.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(m.xml).toContain(`<${m.messageType} xmlns="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg" xmlns:rm="urn:oasis:names:tc:emergency:EDXL:RM:1.0">`);
      const root = tree(m.xml);
      expect(root.name).toBe(m.messageType);
      const header = names(root);
      expect(inOrder(header, HEADER), `${m.fileName}: ${header.join(',')}`).toBe(true);
      for (const r of REQUIRED_HEADER[m.messageType]!) expect(header, `${m.fileName} lacks ${r}`).toContain(r);
      expect(child(root, 'MessageContentType')!.text).toBe(m.messageType);
      expect(child(root, 'SentDateTime')!.text).toMatch(XSD_DATETIME);
      for (const c of all(root, 'ContactInformation')) {
        expect(names(c)).toEqual(['ContactDescription', 'ContactRole']);
        expect(CONTACT_ROLES).toContain(child(c, 'ContactRole')!.text);
      }
      for (const ri of all(root, 'ResourceInformation')) {
        expect(inOrder(names(ri), RESOURCE_INFO)).toBe(true);
        expect(names(ri)[0]).toBe('ResourceInfoElementID');
        const resp = child(ri, 'ResponseInformation');
        if (['ResponseToRequestResource', 'CommitResource'].includes(m.messageType)) expect(resp, `${m.fileName} needs ResponseInformation`).toBeDefined();
        if (resp) {
          expect(names(resp).slice(0, 2)).toEqual(['PrecedingResourceInfoElementID', 'ResponseType']);
          expect(RESPONSE_TYPES).toContain(child(resp, 'ResponseType')!.text);
          if (child(resp, 'ResponseType')!.text === 'Provisional') expect(names(resp)).toContain('ResponseReason');
        }
        const res = child(ri, 'Resource');
        if (['RequestResource', 'ReleaseResource'].includes(m.messageType)) expect(res).toBeDefined();
        if (res) {
          expect(inOrder(names(res), RESOURCE)).toBe(true);
          expect(names(res).some((n) => ['ResourceID', 'Name', 'TypeStructure'].includes(n))).toBe(true);
          if (m.messageType === 'RequestResource') expect(names(res)).not.toContain('OwnershipInformation');
        }
        const a = child(ri, 'AssignmentInformation');
        if (a) {
          expect(inOrder(names(a), ASSIGNMENT)).toBe(true);
          if (['CommitResource', 'ReleaseResource'].includes(m.messageType)) expect(names(a)).toContain('Quantity');
          if (['RequestResource', 'ResponseToRequestResource'].includes(m.messageType)) expect(names(a)).not.toContain('OrderID');
          const q = child(a, 'Quantity');
          if (q) expect(Number(child(child(q, 'MeasuredQuantity')!, 'Amount')!.text)).toBeGreaterThan(0);
        }
        for (const s of all(ri, 'ScheduleInformation')) {
          expect(names(s)[0]).toBe('ScheduleType');
          expect(SCHEDULES[m.messageType]).toContain(child(s, 'ScheduleType')!.text);
          const dt = child(s, 'DateTime');
          if (dt) expect(dt.text).toMatch(XSD_DATETIME);
        }
      }
    }
    const [first, resubmitted, partial, rest] = messages.map((m) => tree(m.xml));
    expect(child(resubmitted!, 'MessageRecall')!.children.map((c) => c.text)).toEqual([child(first!, 'MessageID')!.text, 'Update']);
    expect(child(partial!, 'OriginatingMessageID')!.text).toBe(child(first!, 'MessageID')!.text);
    expect(child(partial!, 'PrecedingMessageID')!.text).toBe(child(resubmitted!, 'MessageID')!.text);
    expect(child(child(child(partial!, 'ResourceInformation')!, 'ResponseInformation')!, 'ResponseType')!.text).toBe('Provisional');
    expect(child(child(child(rest!, 'ResourceInformation')!, 'ResponseInformation')!, 'ResponseType')!.text).toBe('Accept');
    const line = child(first!, 'ResourceInformation')!;
    expect(child(line, 'Resource')!.children.find((c) => c.name === 'TypeStructure')!.children.map((c) => c.text)).toEqual([
      'urn:x-eoc-console:resource-kind:2026.1',
      'N95 respirator',
      'Size S',
    ]);
    expect(all(line, 'ScheduleInformation').map((s) => child(s, 'ScheduleType')!.text)).toEqual(['RequestedArrival', 'ReportTo']);
  });

  it('wraps the messages in an EDXL-DE 1.0 envelope that says Exercise for an exercise', async () => {
    const { t, id } = await fullLifecycle(true);
    const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: id, envelope: true });
    const de = tree(envelope!.xml);
    expect(de.name).toBe('EDXLDistribution');
    expect(envelope!.xml).toContain('xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"');
    const order = ['distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionType', 'combinedConfidentiality', 'language', 'senderRole', 'recipientRole', 'keyword', 'distributionReference', 'explicitAddress', 'targetArea', 'contentObject'];
    expect(inOrder(names(de), order)).toBe(true);
    for (const r of ['distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionType', 'combinedConfidentiality']) expect(names(de)).toContain(r);
    expect(child(de, 'distributionStatus')!.text).toBe('Exercise');
    expect(['Report', 'Update', 'Cancel', 'Request', 'Response', 'Dispatch', 'Ack', 'Error']).toContain(child(de, 'distributionType')!.text);
    const objects = all(de, 'contentObject');
    expect(objects).toHaveLength(messages.length);
    expect(names(objects[0]!)).toEqual(['contentDescription', 'incidentID', 'incidentDescription', 'xmlContent']);
    expect(child(child(objects[0]!, 'xmlContent')!, 'embeddedXMLContent')!.children[0]!.name).toBe('RequestResource');
    expect(messages[0]!.xml).toContain('EXERCISE. ICS 213RR');
  });

  it('exports one step’s message alone, and records every export in the audit trail', async () => {
    const { t, id } = await fullLifecycle();
    const { events } = await t.call('request.history', { id });
    const release = events.find((e) => e.action === 'release')!;
    const { messages } = await t.call('edxl.exportRequest', { requestId: id, eventId: release.id });
    expect(messages.map((m) => m.messageType)).toEqual(['ReleaseResource']);
    const { entries } = await t.call('audit.recent', { limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'edxl.exported', detail: { messages: 1 } });
  });
});

describe('EDXL-RM export of what the 213 RR holds beyond the order', () => {
  const text = (e: El | undefined) => e?.text ?? '';
  const find = (e: El, name: string): El[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => find(c, name))];

  it('carries the substitutes (SpecialRequirements), the cost (Funding) and the notes of a request', async () => {
    const t = await withIncident();
    const ltc = await makeOrg(t, 'Hilltop Care Center');
    const { request } = await t.call(
      'request.create',
      requestInput(t.incidentId, ltc, {
        substitutes: 'KN95 if fit-tested; state cache',
        notes: 'Dock closes at 22:00',
        lines: [
          { quantity: 500, kind: 'N95 respirator', costCents: 45_000 },
          { quantity: 2, kind: 'Oxygen cylinder', costCents: 12_550 },
        ],
      }),
    );
    await step(t, 'HCCDO', { action: 'submit', id: request.id });
    const [m] = (await t.call('edxl.exportRequest', { requestId: request.id })).messages;
    const root = tree(m!.xml);
    expect(text(child(root, 'Funding')?.children[0])).toBe('Estimated cost $575.50: line 1 (N95 respirator) $450.00; line 2 (Oxygen cylinder) $125.50');
    expect(text(child(root, 'MessageDescription'))).toContain('Notes: Dock closes at 22:00');
    const special = find(root, 'SpecialRequirements');
    expect(special).toHaveLength(2);
    for (const s of special) expect(text(s)).toBe('Suitable substitutes and/or suggested sources: KN95 if fit-tested; state cache');
    expect(inOrder(names(root), HEADER)).toBe(true);
    for (const r of find(root, 'Resource')) expect(inOrder(names(r), RESOURCE)).toBe(true);
  });

  it('names each step’s file for the request and the step, the same whether exported alone or with the others', async () => {
    const { t, id } = await fullLifecycle();
    const { messages } = await t.call('edxl.exportRequest', { requestId: id });
    expect(new Set(messages.map((m) => m.fileName)).size).toBe(messages.length);
    expect(messages[2]!.fileName).toBe('WS1-RR-0001-03-source-ResponseToRequestResource.xml');
    for (const m of messages) {
      expect(m.fileName).toMatch(new RegExp(`^WS1-RR-0001-\\d{2}-${m.action.replace(/_/g, '-')}-${m.messageType}\\.xml$`));
      const alone = await t.call('edxl.exportRequest', { requestId: id, eventId: m.eventId });
      expect(alone.messages.map((x) => x.fileName)).toEqual([m.fileName]);
    }
  });

  it('exports a draft as the RequestResource it would send, marked DRAFT in its description and file name', async () => {
    const t = await withIncident({ exercise: true });
    const ltc = await makeOrg(t, 'Hilltop Care Center');
    const { request } = await t.call('request.create', requestInput(t.incidentId, ltc));
    const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: request.id, envelope: true });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageType: 'RequestResource', action: 'create', fileName: 'WS1-RR-0001-DRAFT-create-RequestResource-EXERCISE.xml' });
    expect(text(child(tree(messages[0]!.xml), 'MessageDescription'))).toMatch(/^DRAFT, not submitted/);
    expect(envelope?.xml).toContain('RequestResource');
  });
});
