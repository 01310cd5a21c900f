import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivationContentInput } from '../../../shared/contract';
import { openReadyBackend, type TestBackend } from '../helpers/backend';
import { pdfPagesText } from '../export/pdf-text';

async function contact(t: TestBackend, org: string, name: string, phone: string) {
  const { organisation } = await t.call('directory.saveOrganisation', { name: org, discipline: 'public_health', membership: 'core', town: 'Northampton', zip: '01060' });
  return (await t.call('directory.saveContact', { organisationId: organisation.id, name, phone24x7: phone })).contact.id;
}

const content = (calls: ActivationContentInput['firstCalls']): ActivationContentInput => ({
  title: 'How to activate the region',
  whoMayActivate: ['Coalition duty officer', 'Coalition coordinator'],
  levels: [
    { name: 'Monitoring', trigger: 'A forecast or report that may affect members' },
    { name: 'Partial', trigger: 'Two or more hospitals on generator or in surge' },
    { name: 'Full', trigger: 'A mass casualty incident or regional evacuation' },
  ],
  firstCalls: calls,
  coordinationCenter: { location: '100 Main St, Northampton, room 2', howToOpen: 'Key box code from the duty officer; start the EOC workstations; radio check on HMCC talkgroup 1.' },
  firstActions: ['Open an incident in the console', 'Start the call-down', 'Send the first situation update'],
});

describe('the activation sheet', () => {
  it('pulls first-call numbers live from the directory, so a changed number shows at once', async () => {
    const t = await openReadyBackend();
    const id = await contact(t, 'Regional public health', 'Pat Health', '413-555-0111');
    const { sheet } = await t.call('activation.save', { content: content([{ label: 'Public health duty', contactId: id }, { label: 'State ESF-8 desk', phone: '617-555-0199' }]) });
    expect(sheet.version).toBe(1);
    expect(sheet.calls.map((c) => [c.label, c.phone, c.source])).toEqual([
      ['Public health duty', '413-555-0111', 'directory'],
      ['State ESF-8 desk', '617-555-0199', 'sheet'],
    ]);
    const { contact: c } = await t.call('directory.saveContact', { id, organisationId: (await t.call('directory.list', {})).organisations[0]!.id, name: 'Pat Health', phone24x7: '413-555-0122' });
    expect(c.phone24x7).toBe('413-555-0122');
    expect((await t.call('activation.current', {})).sheet!.calls[0]!.phone).toBe('413-555-0122');
  });

  it('each save is a new version; earlier versions stay readable', async () => {
    const t = await openReadyBackend();
    const first = (await t.call('activation.save', { content: content([{ label: 'Desk', phone: '413-555-0100' }]) })).sheet;
    const second = (await t.call('activation.save', { content: { ...content([{ label: 'Desk', phone: '413-555-0100' }]), firstActions: ['Call the coordinator'] }, note: 'Shorter list' })).sheet;
    expect(second.version).toBe(2);
    expect((await t.call('activation.current', {})).sheet!.id).toBe(second.id);
    expect((await t.call('activation.get', { id: first.id })).sheet.content.firstActions).toHaveLength(3);
    expect((await t.call('activation.versions', {})).versions.map((v) => [v.version, v.note])).toEqual([
      [2, 'Shorter list'],
      [1, null],
    ]);
  });

  it('refuses a first call to a contact not in the directory, and one with neither contact nor number, saving nothing', async () => {
    const t = await openReadyBackend();
    const r1 = await t.raw('activation.save', { content: content([{ label: 'Ghost', contactId: '01890000-0000-7000-8000-000000000000' }]) });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error.message).toBe('First call 1 (Ghost): that contact is not in the directory');
    const r2 = await t.raw('activation.save', { content: content([{ label: 'Nobody' }]) });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/needs a contact from the directory or a phone number/);
    expect((await t.call('activation.current', {})).sheet).toBeNull();
  });

  it('prints on one page with the directory numbers, even at the largest size the form allows', async () => {
    const t = await openReadyBackend();
    const id = await contact(t, 'Regional public health', 'Pat Health', '413-555-0111');
    await t.call('activation.save', { content: content([{ label: 'Public health duty', contactId: id }]) });
    const print = await t.call('activation.print', {});
    expect(print.pages).toBe(1);
    const [page] = await pdfPagesText(Buffer.from(print.base64, 'base64'));
    expect(page).toContain('HOW TO ACTIVATE THE REGION');
    expect(page).toContain('413-555-0111');
    expect(page).toContain('Pat Health, Regional public health');
    expect(page).toContain('Page 1 of 1');

    const long = 'x'.repeat(10) + ' word'.repeat(45);
    const full: ActivationContentInput = {
      title: 'How to activate the region',
      whoMayActivate: Array.from({ length: 8 }, () => long.slice(0, 200)),
      levels: Array.from({ length: 5 }, (_, i) => ({ name: `Level ${i}`, trigger: long.repeat(2).slice(0, 300) })),
      firstCalls: Array.from({ length: 12 }, (_, i) => ({ label: `Caller ${i} with a long role name`, contactId: id })),
      coordinationCenter: { location: long.slice(0, 200), howToOpen: long.repeat(4).slice(0, 800), alternate: long.slice(0, 200) },
      firstActions: Array.from({ length: 10 }, () => long.slice(0, 240)),
    };
    await t.call('activation.save', { content: full });
    const big = await t.call('activation.print', {});
    expect(big.pages).toBe(1);
    expect(await pdfPagesText(Buffer.from(big.base64, 'base64'))).toHaveLength(1);
  });

  it('records every print in the audit trail with its hash', async () => {
    const t = await openReadyBackend();
    await t.call('activation.save', { content: content([{ label: 'Desk', phone: '413-555-0100' }]) });
    const print = await t.call('activation.print', {});
    await t.backend.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT detail FROM audit_entries WHERE action = 'export.generated'").all() as { detail: string }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.detail).sha256)).toEqual([print.sha256]);
  });
});
