import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFormFonts, fontDirCandidates } from '../../../electron/backend/domains/export/pdf/fonts';
import { printable, REPLACEMENT } from '../../../electron/backend/domains/export/pdf/text';
import { HOUR, incidentFixture } from '../incident/fixtures';
import { makeOrg, requestInput, signInAs, step, withIncident } from '../request/fixtures';
import { pdfPagesText } from './pdf-text';

/** Names and signs operators type that the standard PDF fonts printed as "?". */
const VIETNAMESE = 'Nguyễn Thị Ánh';
const POLISH = 'Łukasz Wójcik';
const GREEK = 'Σωκράτης Παπαδόπουλος';
const CYRILLIC = 'Анна Кузнецова';
const SIGNS = 'SpO₂ ≥ 92 %, fuel ½ tank, Ward A → Ward B';
const TYPED = [VIETNAMESE, POLISH, GREEK, CYRILLIC, SIGNS];

const textOf = async (base64: string) => (await pdfPagesText(Buffer.from(base64, 'base64'))).join('\n');

function expectAllPrinted(text: string, strings: string[]) {
  for (const s of strings) expect(text).toContain(s);
  expect(text).not.toContain(REPLACEMENT);
  expect(text).not.toMatch(/\?{2,}/);
}

describe('printed forms print every name as typed', () => {
  it('ICS 214: Vietnamese, Polish, Greek and Cyrillic names and signs come back out of the PDF letter for letter', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!.id;
    await t.call('incident.staff', { periodId: period.id, positionId: sitl, holderName: VIETNAMESE, homeAgency: `Szpital ${POLISH}` });
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: `Handover to ${GREEK}` });
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: `Called ${CYRILLIC}` });
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: SIGNS, occurredAt: Date.now() - HOUR });
    const r = await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl, periodId: period.id });
    const text = await textOf(r.base64);
    expectAllPrinted(text, [...TYPED, `Szpital ${POLISH}`]);
  });

  it('ICS 213: the names in To, From, the message and the reply come back out of the PDF letter for letter', async () => {
    const { t, incident } = await incidentFixture();
    const m = await t.call('message.record', {
      incidentId: incident.id,
      direction: 'in',
      via: 'phone',
      toName: VIETNAMESE,
      toPosition: 'Duty Officer',
      fromName: POLISH,
      fromPosition: 'Mercy IC',
      subject: `Transfer of ${GREEK}`,
      body: SIGNS,
      messageAt: Date.now() - HOUR,
      approvedByName: CYRILLIC,
      approvedByPosition: 'IC',
    });
    await t.call('message.reply', { messageId: m.id, reply: `Accepted, ${VIETNAMESE}` });
    const text = await textOf((await t.call('export.generalMessage', { messageId: m.id })).base64);
    expectAllPrinted(text, [...TYPED, `Accepted, ${VIETNAMESE}`]);
  });

  it('ICS 213 RR: the requestor, the item and the operators who took each step come back out of the PDF letter for letter', async () => {
    const t = await withIncident();
    const org = await makeOrg(t, POLISH);
    const { request } = await t.call(
      'request.create',
      requestInput(t.incidentId, org, {
        requestedByName: VIETNAMESE,
        requestedByPosition: 'Kierownik',
        deliveryLocation: `Dock → ${CYRILLIC}`,
        lines: [{ quantity: 2, kind: 'Oxygen cylinder', description: 'SpO₂ ≥ 92 %' }],
        notes: `Call ${GREEK}, fuel ½ tank`,
      }),
    );
    await signInAs(t, 'HCCDO', GREEK);
    await t.call('request.transition', { action: 'submit', id: request.id });
    await step(t, 'OSC', { action: 'approve', id: request.id });
    const pdf = await t.call('request.formPdf', { id: request.id });
    const text = await textOf(pdf.base64);
    expectAllPrinted(text, [VIETNAMESE, POLISH, GREEK, CYRILLIC, 'SpO₂ ≥ 92 %', `Dock → ${CYRILLIC}`, 'fuel ½ tank', `by ${GREEK}`]);
  });

  it('embeds only the glyphs a form uses: a one-page ICS 213 stays under 80 KB (the whole fonts embedded add about 730 KB)', async () => {
    const { t, incident } = await incidentFixture();
    const m = await t.call('message.record', { incidentId: incident.id, direction: 'out', via: 'radio', toName: VIETNAMESE, toPosition: 'EOC', fromName: POLISH, fromPosition: 'IC', subject: GREEK, body: `${CYRILLIC}. ${SIGNS}` });
    const r = await t.call('export.generalMessage', { messageId: m.id });
    const bytes = Buffer.from(r.base64, 'base64');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(bytes.byteLength).toBeLessThan(80_000);
  });

  it('prints an emoji the font lacks as its name, any other missing character as one visible mark, and the export still succeeds', async () => {
    const { t, incident, period, positions } = await incidentFixture();
    const sitl = positions.get('SITL')!.id;
    await t.call('log.append', { incidentId: incident.id, positionId: sitl, category: 'Situation', text: 'Ambulance 🚑 at bay 2, family 👨‍👩‍👧 waiting, ⚠️ wet floor, 王芳 arrived' });
    const r = await t.call('export.activityLog', { incidentId: incident.id, positionId: sitl, periodId: period.id });
    const text = await textOf(r.base64);
    // The warning sign is in the font and prints; the ambulance and the family (one emoji made
    // of five code points) print as their names; each Chinese character prints as one mark.
    expect(text.replace(/\s+/g, ' ')).toContain(`Ambulance [ambulance] at bay 2, family [family man, woman, girl] waiting, ⚠️ wet floor, ${REPLACEMENT}${REPLACEMENT} arrived`);
  });
});

describe('the form font', () => {
  it('replaces per character as the reader sees it and keeps line breaks; a typed "?" stays a "?"', async () => {
    const { regular } = await embedFormFonts(await PDFDocument.create());
    expect(printable(regular, `${VIETNAMESE}\n${SIGNS}`)).toBe(`${VIETNAMESE}\n${SIGNS}`);
    // The same name typed with combining accents prints as the composed letters.
    expect(printable(regular, VIETNAMESE.normalize('NFD'))).toBe(VIETNAMESE);
    // An emoji with a skin tone is named as the emoji itself.
    expect(printable(regular, '👍🏽 ok\r\nnext\tline')).toBe(`[thumbs up] ok\nnext    line`);
    expect(printable(regular, 'Flag 🇺🇦 up')).toBe('Flag [flag Ukraine] up');
    expect(printable(regular, 'Is it 王?')).toBe(`Is it ${REPLACEMENT}?`);
  });

  it('is looked for beside a packaged app first, then in resources/fonts of the folders above the code (sources or out/main)', () => {
    const app = path.resolve('/opt/EOC Console');
    const packaged = fontDirCandidates(path.join(app, 'resources'), path.join(app, 'resources', 'app.asar', 'out', 'main', 'chunks'));
    expect(packaged[0]).toBe(path.join(app, 'resources', 'fonts'));
    const repo = path.resolve('/home/op/eoc-console');
    const source = fontDirCandidates(undefined, path.join(repo, 'electron', 'backend', 'domains', 'exports', 'pdf'));
    const built = fontDirCandidates(undefined, path.join(repo, 'out', 'main', 'chunks'));
    for (const candidates of [source, built]) expect(candidates).toContain(path.join(repo, 'resources', 'fonts'));
    expect(built.indexOf(path.join(repo, 'resources', 'fonts'))).toBe(3);
  });
});
