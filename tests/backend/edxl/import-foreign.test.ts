import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { makeOrg, withIncident } from '../request/fixtures';

/**
 * A RequestResource as another system writes it: namespace prefixes, the requester in xPIL/xNL
 * party details, priority as a resource keyword, the place as an xAL address, times without a
 * zone, and text with XML's own escapes.
 */
function foreign(o: { messageId?: string; description?: string; resources?: string; arrival?: string } = {}): string {
  const resource = (name: string, amount: string) => `
  <rm:ResourceInformation>
    <rm:ResourceInfoElementID>1</rm:ResourceInfoElementID>
    <rm:Resource>
      <rm:TypeStructure><ct:ValueListURN>urn:x-state:resource-kinds</ct:ValueListURN><ct:Value>${name}</ct:Value></rm:TypeStructure>
      <rm:Keyword><ct:ValueListURN>urn:x-state:priority</ct:ValueListURN><ct:Value>Urgent</ct:Value></rm:Keyword>
    </rm:Resource>
    <rm:AssignmentInformation><rm:Quantity><rm:MeasuredQuantity><rm:Amount>${amount}</rm:Amount></rm:MeasuredQuantity></rm:Quantity></rm:AssignmentInformation>
    <rm:ScheduleInformation>
      <rm:ScheduleType>RequestedArrival</rm:ScheduleType>
      <rm:DateTime>${o.arrival ?? '2027-01-02T15:30:00'}</rm:DateTime>
    </rm:ScheduleInformation>
    <rm:ScheduleInformation>
      <rm:ScheduleType>ReportTo</rm:ScheduleType>
      <rm:Location><rm:Address>
        <xal:Thoroughfare><xal:NameElement>12 Mill Road</xal:NameElement></xal:Thoroughfare>
        <xal:Locality><xal:NameElement>Springfield</xal:NameElement></xal:Locality>
      </rm:Address></rm:Location>
    </rm:ScheduleInformation>
  </rm:ResourceInformation>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rm:RequestResource xmlns:rm="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg" xmlns:ct="urn:oasis:names:tc:emergency:EDXL:RM:1.0"
  xmlns:xpil="urn:oasis:names:tc:ciq:xpil:3" xmlns:xnl="urn:oasis:names:tc:ciq:xnl:3" xmlns:xal="urn:oasis:names:tc:ciq:xal:3">
  <rm:MessageID>${o.messageId ?? 'urn:x-state:rr:7781'}</rm:MessageID>
  <rm:SentDateTime>2027-01-02T12:00:00-05:00</rm:SentDateTime>
  <rm:MessageContentType>RequestResource</rm:MessageContentType>
  <rm:MessageDescription>${o.description ?? 'Generator for the shelter'}</rm:MessageDescription>
  <rm:ContactInformation>
    <rm:ContactRole>Requester</rm:ContactRole>
    <rm:AdditionalContactInformation>
      <xpil:PartyName>
        <xnl:PersonName><xnl:NameElement xnl:ElementType="FirstName">Rosa</xnl:NameElement><xnl:NameElement xnl:ElementType="LastName">Diaz</xnl:NameElement></xnl:PersonName>
        <xnl:OrganisationName><xnl:NameElement>Smith &amp; Jones Care</xnl:NameElement></xnl:OrganisationName>
      </xpil:PartyName>
      <xpil:ContactNumbers><xpil:ContactNumber><xpil:ContactNumberElement>413-555-0142</xpil:ContactNumberElement></xpil:ContactNumber></xpil:ContactNumbers>
      <xpil:ElectronicAddressIdentifiers><xpil:ElectronicAddressIdentifier>rdiaz@example.org</xpil:ElectronicAddressIdentifier></xpil:ElectronicAddressIdentifiers>
    </rm:AdditionalContactInformation>
  </rm:ContactInformation>${o.resources ?? resource('Generator &#8211; 50 kW', '2')}
</rm:RequestResource>`;
}

async function ready(exercise = false) {
  const t = await withIncident({ exercise });
  const org = await makeOrg(t, 'Smith & Jones Care');
  return { t, org };
}

describe('EDXL-RM import of documents other systems write', () => {
  it('reads the requester from xPIL/xNL party details, priority from a keyword, the place from an address, escapes as text, and a zoneless time as UTC (said so)', async () => {
    const { t, org } = await ready();
    const r = await t.call('edxl.importRequestResource', { xml: foreign(), incidentId: t.incidentId });
    expect(r.request).toMatchObject({
      requestingOrganisation: { id: org },
      requestedByName: 'Rosa Diaz',
      requestedByContact: '413-555-0142, rdiaz@example.org',
      priority: 'urgent',
      deliveryLocation: '12 Mill Road, Springfield',
    });
    expect(r.request.lines.map((l) => [l.quantity, l.kind, l.requestedArrival])).toEqual([[2, 'Generator – 50 kW', Date.UTC(2027, 0, 2, 15, 30)]]);
    expect(r.warnings).toEqual(['Resource 1: the requested arrival "2027-01-02T15:30:00" gives no time zone; it was read as UTC, as EDXL-RM says']);
  });

  it('warns when the same message is imported twice into an incident', async () => {
    const { t } = await ready();
    const first = await t.call('edxl.importRequestResource', { xml: foreign({ arrival: '2027-01-02T15:30:00Z' }), incidentId: t.incidentId });
    expect(first.warnings).toEqual([]);
    const again = await t.call('edxl.importRequestResource', { xml: foreign({ arrival: '2027-01-02T15:30:00Z' }), incidentId: t.incidentId });
    expect(again.warnings).toEqual([`Message urn:x-state:rr:7781 was already imported as ${first.request.number}; this draft may be a duplicate`]);
  });

  it('flags a message that calls itself an exercise, without an envelope, imported into a real incident', async () => {
    const { t } = await ready();
    const r = await t.call('edxl.importRequestResource', { xml: foreign({ description: 'EXERCISE EXERCISE EXERCISE generator', arrival: '2027-01-02T15:30:00Z' }), incidentId: t.incidentId });
    expect(r.warnings).toEqual(['The message calls itself an exercise but "Spring ice storm" is a real incident; check it is the right incident']);
  });

  it('refuses, naming each line, a resource without a whole quantity or without a resource, and a message with no resource; nothing is written', async () => {
    const { t } = await ready();
    const before = snapshotCounts(t.dataDir);
    const lines = `
  <rm:ResourceInformation><rm:ResourceInfoElementID>1</rm:ResourceInfoElementID><rm:Resource><rm:Name>Cots</rm:Name></rm:Resource>
    <rm:AssignmentInformation><rm:Quantity><rm:QuantityText>several</rm:QuantityText></rm:Quantity></rm:AssignmentInformation></rm:ResourceInformation>
  <rm:ResourceInformation><rm:ResourceInfoElementID>2</rm:ResourceInfoElementID><rm:Resource><rm:Name>Blankets</rm:Name></rm:Resource>
    <rm:AssignmentInformation><rm:Quantity><rm:MeasuredQuantity><rm:Amount>2.5</rm:Amount></rm:MeasuredQuantity></rm:Quantity></rm:AssignmentInformation></rm:ResourceInformation>
  <rm:ResourceInformation><rm:ResourceInfoElementID>3</rm:ResourceInfoElementID></rm:ResourceInformation>`;
    expect(await t.raw('edxl.importRequestResource', { xml: foreign({ resources: lines }), incidentId: t.incidentId })).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: 'Resource 1 (Cots) gives no whole quantity ("several"); Resource 2 (Blankets) gives no whole quantity ("2.5"); Resource 3 names no resource. Nothing was imported: correct the message and import it again',
      },
    });
    expect(await t.raw('edxl.importRequestResource', { xml: foreign({ resources: '' }), incidentId: t.incidentId })).toMatchObject({
      ok: false,
      error: { message: 'The message asks for no resource (no ResourceInformation with a Resource); nothing was imported' },
    });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });
});

describe('EDXL-RM import of an envelope that says Test (what the demonstration coalition sends)', () => {
  /** The foreign message wrapped in an EDXL-DE 1.0 envelope with this distributionStatus. */
  const enveloped = (status: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>d-1</distributionID><senderID>a@b.c</senderID><dateTimeSent>2027-01-02T10:00:00-05:00</dateTimeSent><distributionStatus>${status}</distributionStatus><distributionType>Request</distributionType><combinedConfidentiality>UNCLASSIFIED AND NOT SENSITIVE</combinedConfidentiality><contentObject><xmlContent><embeddedXMLContent>${foreign({ arrival: '2027-01-02T15:30:00Z' }).replace(/^<\?xml[^>]*\?>/, '')}</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>`;

  it('says so into a real coalition’s exercise and into a real incident, in its own word, never as Exercise', async () => {
    for (const exercise of [true, false]) {
      const { t } = await ready(exercise);
      const { warnings } = await t.call('edxl.importRequestResource', { xml: enveloped('Test'), incidentId: t.incidentId });
      expect(warnings.filter((w) => w.includes('envelope says'))).toEqual([
        'The envelope says Test: test or demonstration data, which receiving systems are to discard, not a request from a partner; import it only to try the console out',
      ]);
    }
  });

  it('still says Exercise and Actual as the envelope does when they differ from the incident', async () => {
    const { t } = await ready(false);
    const { warnings } = await t.call('edxl.importRequestResource', { xml: enveloped('Exercise'), incidentId: t.incidentId });
    expect(warnings.filter((w) => w.includes('envelope says'))).toEqual([expect.stringMatching(/^The envelope says Exercise but ".*" is a real incident/)]);
  });
});
