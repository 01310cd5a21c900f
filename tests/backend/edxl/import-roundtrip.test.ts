import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { makeOrg, requestInput, step, withIncident } from '../request/fixtures';

/** A submitted request with substitutes, a cost on some lines and notes, and its RequestResource. */
async function exported(extra: { notes?: string } = {}) {
  const t = await withIncident();
  const ltc = await makeOrg(t, 'Hilltop Care Center');
  const { request } = await t.call(
    'request.create',
    requestInput(t.incidentId, ltc, {
      substitutes: 'KN95 if fit-tested; state cache at Ames & Co.',
      notes: extra.notes ?? 'Dock closes at 22:00. Ask for Sam at the gate',
      lines: [
        { quantity: 500, kind: 'N95 respirator', description: 'Fit-tested sizes', costCents: 45_000 },
        { quantity: 1, kind: 'Ambulance strike team', type: '2', description: 'Evacuate 20 residents' },
        { quantity: 2, kind: 'Oxygen cylinder', costCents: 1_234_567 },
      ],
    }),
  );
  await step(t, 'HCCDO', { action: 'submit', id: request.id });
  const { messages } = await t.call('edxl.exportRequest', { requestId: request.id });
  return { t, request, xml: messages[0]!.xml };
}

const lineFields = (lines: { quantity: number; kind: string; type: string | null; description: string | null; costCents: number | null }[]) =>
  lines.map((l) => ({ quantity: l.quantity, kind: l.kind, type: l.type, description: l.description, costCents: l.costCents }));

describe('EDXL-RM import reads back what the export writes', () => {
  it('round-trips the substitutes, each line’s cost and the notes (export, import, equal)', async () => {
    const { t, request, xml } = await exported();
    const r = await t.call('edxl.importRequestResource', { xml, incidentId: t.incidentId });
    expect(r.warnings).toEqual([]);
    expect(r.request.substitutes).toBe(request.substitutes);
    expect(lineFields(r.request.lines)).toEqual(lineFields(request.lines));
    expect(r.request.lines.map((l) => l.costCents)).toEqual([45_000, null, 1_234_567]);
    // The sender's notes as they were, then where the draft came from.
    expect(r.request.notes).toBe(`Dock closes at 22:00. Ask for Sam at the gate\n\nImported from EDXL-RM message ${r.messageId} (incident: Spring ice storm)`);
  });

  it('keeps another system’s description and funding text in the notes, saying the funding gave no cost per line', async () => {
    const { t, xml } = await exported();
    const foreign = xml
      .replace(/<MessageDescription>[^<]*<\/MessageDescription>/, '<MessageDescription>Generators for the shelter</MessageDescription>')
      .replace(/<rm:FundingInfo>[^<]*<\/rm:FundingInfo>/, '<rm:FundingInfo>Charge to FEMA PA category B</rm:FundingInfo>');
    const r = await t.call('edxl.importRequestResource', { xml: foreign, incidentId: t.incidentId });
    expect(r.warnings).toContain('The message\'s funding ("Charge to FEMA PA category B") gives no cost per line the console can read; it was kept in the notes');
    expect(r.request.notes).toMatch(/^Generators for the shelter\n\nFunding: Charge to FEMA PA category B\n\nImported from EDXL-RM message /);
    expect(r.request.lines.map((l) => l.costCents)).toEqual([null, null, null]);
  });

  const malformed: [string, (x: string) => string, RegExp][] = [
    ['a line’s cost that is not an amount', (x) => x.replace('line 1 (N95 respirator) $450.00', 'line 1 (N95 respirator) $45O.00'), /gives line 1's cost as "\$45O\.00", which is not an amount in dollars and cents/],
    ['a cost for a line the message does not have', (x) => x.replace('line 3 (Oxygen cylinder)', 'line 9 (Oxygen cylinder)'), /prices line 9, but the message has 3 lines/],
    ['a total that is not the sum of its lines', (x) => x.replace('Estimated cost $12,795.67', 'Estimated cost $12,795.68'), /gives a total of \$12,795\.68 but its lines add up to \$12795\.67/],
    ['a cost beyond what a line can hold', (x) => x.replace(/Estimated cost [^<]*/, 'Estimated cost $99,999,999,999.00: line 1 (N95 respirator) $99,999,999,999.00'), /more than a request line can hold/],
  ];
  for (const [label, spoil, message] of malformed) {
    it(`refuses ${label} in the funding, in words, and writes nothing`, async () => {
      const { t, xml } = await exported();
      const hostile = spoil(xml);
      expect(hostile).not.toBe(xml);
      const before = snapshotCounts(t.dataDir);
      const r = await t.raw('edxl.importRequestResource', { xml: hostile, incidentId: t.incidentId });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
      expect(r).toMatchObject({ error: { message: expect.stringMatching(/; nothing was imported$/) } });
      expect(snapshotCounts(t.dataDir)).toEqual(before);
    });
  }

  it('cuts the sender’s notes, never the provenance, when both do not fit, and says so', async () => {
    const { t, xml } = await exported({ notes: 'n'.repeat(2000) });
    const r = await t.call('edxl.importRequestResource', { xml, incidentId: t.incidentId });
    expect(r.request.notes!.length).toBeLessThanOrEqual(2000);
    expect(r.request.notes).toMatch(/^n+\n\nImported from EDXL-RM message /);
    expect(r.warnings).toEqual([expect.stringMatching(/^The message's notes were cut to \d+ characters/)]);
  });
});
