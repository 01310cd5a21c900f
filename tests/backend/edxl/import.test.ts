import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { makeOrg, requestInput, step, withIncident } from '../request/fixtures';

async function exported() {
  const t = await withIncident();
  const ltc = await makeOrg(t, 'Hilltop Care Center', { discipline: 'long_term_care' });
  const { request } = await t.call(
    'request.create',
    requestInput(t.incidentId, ltc, {
      priority: 'low',
      lines: [
        { quantity: 40, kind: 'Surge cot', description: 'For the dining hall', requestedArrival: Date.UTC(2027, 0, 2, 15) },
        { quantity: 1, kind: 'Ambulance strike team', type: '2', description: 'Evacuate 20 residents' },
      ],
    }),
  );
  await step(t, 'HCCDO', { action: 'submit', id: request.id });
  const { messages, envelope } = await t.call('edxl.exportRequest', { requestId: request.id, envelope: true });
  return { t, ltc, xml: messages[0]!.xml, envelope: envelope!.xml };
}

describe('EDXL-RM RequestResource import', () => {
  it('creates a draft request from a RequestResource, finding the requester in the directory', async () => {
    const { t, ltc, xml } = await exported();
    const r = await t.call('edxl.importRequestResource', { xml, incidentId: t.incidentId });
    expect(r.warnings).toEqual([]);
    expect(r.request).toMatchObject({
      status: 'draft',
      number: 'WS1-RR-0002',
      priority: 'low',
      requestingOrganisation: { id: ltc },
      requestedByName: 'Lee Park',
      requestedByPosition: 'Director of Nursing',
      deliveryLocation: 'Loading dock, 1 Main St',
    });
    expect(r.request.lines.map((l) => [l.quantity, l.kind, l.type, l.description, l.requestedArrival])).toEqual([
      [40, 'Surge cot', null, 'For the dining hall', Date.UTC(2027, 0, 2, 15)],
      [1, 'Ambulance strike team', '2', 'Evacuate 20 residents', null],
    ]);
    const { events } = await t.call('request.history', { id: r.request.id });
    expect(events[0]).toMatchObject({ action: 'import', detail: { messageId: r.messageId } });
  });

  it('reads a RequestResource inside an EDXL-DE envelope', async () => {
    const { t, envelope } = await exported();
    const r = await t.call('edxl.importRequestResource', { xml: envelope, incidentId: t.incidentId });
    expect(r.request.lines).toHaveLength(2);
  });

  it('asks for the requesting organisation when the message names none in the directory', async () => {
    const { t, xml } = await exported();
    const stranger = xml.replace(/Hilltop Care Center/g, 'Unknown Facility');
    const r = await t.raw('edxl.importRequestResource', { xml: stranger, incidentId: t.incidentId });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/^Choose the requesting organisation/) } });
    const other = await makeOrg(t, 'Willow Brook Nursing');
    expect((await t.call('edxl.importRequestResource', { xml: stranger, incidentId: t.incidentId, requestingOrganisationId: other })).request.requestingOrganisation.id).toBe(other);
  });

  const hostile: [string, string][] = [
    ['an internal entity (billion laughs)', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><RequestResource>&lol2;</RequestResource>'],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><RequestResource><MessageID>&xxe;</MessageID></RequestResource>'],
    ['a DOCTYPE alone', '<!doctype RequestResource><RequestResource/>'],
  ];
  for (const [label, xml] of hostile) {
    it(`refuses ${label} and writes nothing`, async () => {
      const { t } = await exported();
      const before = snapshotCounts(t.dataDir);
      const r = await t.raw('edxl.importRequestResource', { xml, incidentId: t.incidentId });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('DOCTYPE or entity declaration') } });
      expect(snapshotCounts(t.dataDir)).toEqual(before);
    });
  }

  it('refuses malformed XML, other message types and oversized input, with reasons', async () => {
    const { t, xml } = await exported();
    expect(await t.raw('edxl.importRequestResource', { xml: '<RequestResource><MessageID>x</RequestResource>', incidentId: t.incidentId })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The message is not well-formed XML \(line 1/) },
    });
    const commit = xml.replace(/RequestResource/g, 'CommitResource');
    expect(await t.raw('edxl.importRequestResource', { xml: commit, incidentId: t.incidentId })).toMatchObject({
      ok: false,
      error: { message: 'This is a CommitResource message; only an EDXL-RM RequestResource can be imported as a request' },
    });
    expect(await t.raw('edxl.importRequestResource', { xml: 'x'.repeat(500_001), incidentId: t.incidentId })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('too large') },
    });
  });
});
