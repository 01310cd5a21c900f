import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HOUR, incidentFixture } from '../incident/fixtures';
import { pdfPagesText } from './pdf-text';

const pdfText = async (base64: string) => (await pdfPagesText(Buffer.from(base64, 'base64'))).join('\n');

describe('the ICS 214 export', () => {
  it('has the form’s numbered blocks, the position’s records of the period, and both sides of a correction', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!.id;
    await t.call('incident.staff', { periodId: period.id, positionId: sitl, holderName: 'Sam Situation', homeAgency: 'Region 1 HMCC' });
    const e = await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: 'Bed poll sent to 14 hospitals' });
    await t.call('log.correct', { entryId: e.id, text: 'Bed poll sent to 15 hospitals' });
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Communications', text: 'Radio relay from St. Luke', occurredAt: Date.now() - HOUR, source: 'radio' });
    await t.call('log.append', { incidentId: incident.id, category: 'General', text: 'Not in the SITL log' });
    const r = await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl, periodId: period.id });
    const text = await pdfText(r.base64);
    for (const block of ['ACTIVITY LOG (ICS 214)', '1. Incident Name', '2. Operational Period 1', '3. Name', '4. ICS Position', '5. Home Agency (and Unit)', '6. Resources Assigned', '7. Activity Log', '8. Prepared by: Name']) {
      expect(text).toContain(block);
    }
    // Block 3 is the holder's name, block 4 the position: no longer the two run together.
    expect(text).toContain('Sam Situation');
    expect(text).not.toContain('Sam Situation, Situation Unit Leader');
    expect(text).toContain('Region 1 HMCC');
    expect(text).toContain('Bed poll sent to 14 hospitals');
    expect(text).toContain('Corrected by a later entry');
    expect(text).toMatch(/CORRECTION\s+\(recorded\s+[\d-]+\s+[\d:]+\)\s+of\s+the\s+entry\s+of\s+[\d-]+\s+[\d:]+:\s+\[Situation\]\s+Bed\s+poll\s+sent\s+to\s+15/);
    expect(text).not.toMatch(/Bed poll sent to 15[^\n]*Transcribed/);
    expect(text).toMatch(/Transcribed from\s+radio/);
    expect(text).not.toContain('Not in the SITL log');
    expect(r.fileName).toMatch(/^ICS214_Mercy-General-evacuation_P1-SITL_\d{8}-\d{4}Z\.pdf$/);
  });
});

describe('the ICS 213 export', () => {
  it('lays out blocks 1 to 10 with the actual time of the message and the reply', async () => {
    const { t, incident } = await incidentFixture();
    const m = await t.call('message.record', { incidentId: incident.id, direction: 'in', via: 'phone', toName: 'Dana Duty', toPosition: 'Duty Officer', fromName: 'Sam Ortiz', fromPosition: 'Mercy IC', subject: 'Generator status', body: 'Generator at 6 hours of fuel', messageAt: Date.now() - HOUR, approvedByName: 'Irene', approvedByPosition: 'IC' });
    await t.call('message.reply', { messageId: m.id, reply: 'Fuel truck dispatched' });
    const text = await pdfText((await t.call('export.generalMessage', { messageId: m.id })).base64);
    for (const block of ['GENERAL MESSAGE (ICS 213)', '1. Incident Name (Optional)', '2. To (Name and Position)', '3. From (Name and Position)', '4. Subject', '5. Date', '6. Time', '7. Message', '8. Approved by: Name', '9. Reply', '10. Replied by: Name']) {
      expect(text).toContain(block);
    }
    expect(text).toContain('Sam Ortiz, Mercy IC');
    expect(text).toContain('Generator at 6 hours of fuel');
    expect(text).toContain('Fuel truck dispatched');
    expect(text).toContain('Received by phone');
  });
});

describe('the decision log export', () => {
  it('keeps superseded decisions, marked with what replaced them', async () => {
    const { t, incident } = await incidentFixture();
    const base = { incidentId: incident.id, decision: 'd', rationale: 'Generator fuel for 6 hours', authority: 'Coalition plan' };
    const first = await t.call('decision.record', { ...base, title: 'Shelter in place', options: [{ text: 'Evacuate', chosen: false }, { text: 'Shelter', chosen: true }] });
    await t.call('decision.record', { ...base, title: 'Evacuate ICU', supersedesId: first.id });
    const text = await pdfText((await t.call('export.decisionLog', { incidentId: incident.id })).base64);
    expect(text).toMatch(/Decision 1: Shelter in place +\[SUPERSEDED\]/);
    expect(text).toContain('Superseded by "Evacuate ICU"');
    expect(text).toContain('Decision 2: Evacuate ICU');
    expect(text).toContain('CHOSEN: Shelter');
    expect(text).toContain('Situation at the time (automatic snapshot)');
  });
});

describe('the timeline CSV export', () => {
  it('follows the timeline filters and neutralises spreadsheet formulas', async () => {
    const { t, incident, positions } = await incidentFixture();
    await t.call('log.append', { incidentId: incident.id, category: 'Situation', text: '=HYPERLINK("http://x","click")' });
    await t.call('log.append', { incidentId: incident.id, positionId: positions.get('LSC')!.id, category: 'Resource', text: 'Other log' });
    const r = await t.call('export.timelineCsv', { incidentId: incident.id, filters: { positionId: positions.get('HCCDO')!.id } });
    const parsed = Papa.parse<Record<string, string>>(Buffer.from(r.base64, 'base64').toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({ Exercise: 'REAL', Type: 'entry', Position: 'Coalition Duty Officer', Text: `'=HYPERLINK("http://x","click")` });
  });
});
