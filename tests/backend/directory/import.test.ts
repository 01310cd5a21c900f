import { describe, expect, it } from 'vitest';
import { openBackend, openReadyBackend } from '../helpers/backend';
import { snapshotCounts } from '../helpers/snapshot';

const HEADER = 'organisation,short_name,discipline,membership,region,address,town,state,zip,latitude,longitude,contact_name,contact_role,phone_24_7,other_phones,email,radio';
const GOOD = [
  'Quabbin Valley Nursing Home,,Long-term care,core,,12 Main St,Ware,MA,01082,,,Lee Ames,Administrator,413-555-0101,,lee@example.org,',
  'Quabbin Valley Nursing Home,,Long-term care,core,,12 Main St,Ware,MA,01082,,,Kim Roy,Director of Nursing,413-555-0102,413-555-0110; 413-555-0111,,',
  'Swift River Dialysis,,Dialysis,supporting,,4 Mill Rd,Belchertown,MA,01007,,,Ray Cole,Charge nurse,413-555-0103,,,',
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

describe('directory CSV import', () => {
  it('previews per-row errors and writes nothing; commit is refused until the file is fixed', async () => {
    const t = await openReadyBackend();
    const bad = csv(
      ...GOOD,
      'Hilltown Clinic,,Veterinary,core,,1 Elm St,Huntington,MA,01050,,,Ann Low,,413-555-0104,,,',
      'Ware River Pharmacy,,Pharmacy,supporting,,9 Bank St,Ware,MA,1082,,,Sam Oak,,413-555-0105,,,',
      'Palmer Home Health,,Home health,supporting,,3 Park St,Palmer,MA,01069,,,Jo Fin,,555,,,',
      'Ware River Pharmacy 2,,Pharmacy,supporting,,9 Bank St,Ware,MA,01082,,,Sam Oak,,413-555-0105,,not-an-email,',
    );
    const before = snapshotCounts(t.dataDir);
    const p = await t.call('directory.importPreview', { csv: bad });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
    expect(p.canCommit).toBe(false);
    expect(p.summary).toMatchObject({ rows: 7, rowsWithErrors: 3 });
    const errs = p.rows.filter((r) => r.errors.length).map((r) => [r.line, r.organisationName, r.errors[0]!.column]);
    expect(errs).toEqual([
      [5, 'Hilltown Clinic', 'discipline'],
      [6, 'Ware River Pharmacy', 'zip'],
      [8, 'Ware River Pharmacy 2', 'email'],
    ]);
    expect(p.rows[3]!.errors[0]!.message).toMatch(/^Discipline must be one of: Hospital, EMS/);
    expect(p.rows[4]!.errors[0]!.message).toBe('ZIP code must be 5 digits (or ZIP+4), such as 01103');
    // A number that cannot be dialled as written holds up nothing: imported as written, and said.
    expect(p.rows[5]!.errors).toEqual([]);
    expect(p.rows[5]!.warnings).toEqual([
      '24/7 phone has 3 digits: a North American number has 10, such as 413-555-0100 (a number abroad starts with + and its country code). Imported as written: correct it in the directory so it can be dialled',
    ]);

    const refused = await t.raw('directory.importCommit', { csv: bad, digest: p.digest });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/^Nothing was imported: 3 problems to fix first \(line 5: Discipline must be/) } });
    expect(snapshotCounts(t.dataDir)).toEqual(before);

    const fixed = csv(...GOOD);
    const ok = await t.call('directory.importPreview', { csv: fixed });
    expect(ok).toMatchObject({ canCommit: true, summary: { organisationsToCreate: 2, contactsToCreate: 3, rowsWithErrors: 0 } });
    expect(ok.rows.map((r) => r.outcome)).toEqual(['new_organisation', 'contact_for_new_organisation', 'new_organisation']);
    expect(await t.call('directory.importCommit', { csv: fixed, digest: ok.digest })).toEqual({ organisationsCreated: 2, contactsCreated: 3 });
    const { organisations } = await t.call('directory.list', { search: 'Quabbin' });
    expect(organisations[0]).toMatchObject({ discipline: 'long_term_care', contactCount: 2, locationSource: 'zip' });
    const { contacts } = await t.call('directory.get', { id: organisations[0]!.id });
    expect(contacts.find((c) => c.name === 'Kim Roy')!.otherPhones).toEqual(['413-555-0110', '413-555-0111']);
  });

  it('imports a contact whose number cannot be dialled as written, keeping it as written and saying so', async () => {
    const t = await openReadyBackend();
    const file = csv('Palmer Home Health,,Home health,supporting,,3 Park St,Palmer,MA,01069,,,Jo Fin,,555-0100,413 555 01;413-555-0109,,');
    const p = await t.call('directory.importPreview', { csv: file });
    expect(p).toMatchObject({ canCommit: true, summary: { rowsWithErrors: 0 } });
    expect(p.rows[0]!.warnings).toHaveLength(2);
    expect(await t.call('directory.importCommit', { csv: file, digest: p.digest })).toEqual({ organisationsCreated: 1, contactsCreated: 1 });
    const { organisations } = await t.call('directory.list', { search: 'Palmer' });
    const { contacts } = await t.call('directory.get', { id: organisations[0]!.id });
    expect(contacts[0]).toMatchObject({ phone24x7: '555-0100', otherPhones: ['413 555 01', '413-555-0109'] });
  });

  it('refuses a commit of a file other than the one previewed', async () => {
    const t = await openReadyBackend();
    const p = await t.call('directory.importPreview', { csv: csv(...GOOD) });
    const r = await t.raw('directory.importCommit', { csv: csv(GOOD[0]!), digest: p.digest });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The file differs from the one previewed; preview it again before importing' } });
  });

  it('names a missing or unknown column for the whole file', async () => {
    const t = await openReadyBackend();
    const p = await t.call('directory.importPreview', { csv: 'name,kind\r\nA,B\r\n' });
    expect(p.canCommit).toBe(false);
    expect(p.fileErrors[0]).toMatch(/^The file has no "organisation" column/);
    expect(p.fileErrors.some((e) => e.startsWith('Unknown columns: name, kind'))).toBe(true);
  });

  it('adds contacts to an organisation already in the directory and skips ones it has', async () => {
    const t = await openReadyBackend();
    const first = csv(GOOD[0]!);
    await t.call('directory.importCommit', { csv: first, digest: (await t.call('directory.importPreview', { csv: first })).digest });
    const again = csv(...GOOD);
    const p = await t.call('directory.importPreview', { csv: again });
    expect(p.rows.map((r) => r.outcome)).toEqual(['existing_organisation', 'contact_for_existing_organisation', 'new_organisation']);
    expect(p.rows[0]!.warnings.join(' ')).toContain('already a contact');
    expect(await t.call('directory.importCommit', { csv: again, digest: p.digest })).toEqual({ organisationsCreated: 1, contactsCreated: 2 });
  });

  it('exports the directory in the import format, which imports back unchanged', async () => {
    const t = await openReadyBackend();
    const src = csv(...GOOD, '=HYPERLINK("x"),,Pharmacy,supporting,,1 St,Ware,MA,01082,,,,,,,,');
    await t.call('directory.importCommit', { csv: src, digest: (await t.call('directory.importPreview', { csv: src })).digest });
    const out = await t.call('directory.exportCsv', {});
    // A byte-order mark first (accented names in Excel), then the import's header and a marking column.
    expect(out.csv.split('\r\n')[0]).toBe(`\uFEFF${HEADER},marking`);
    expect(out.csv).toContain("'=HYPERLINK");
    expect(out.csv).toContain('413-555-0110; 413-555-0111');
    expect(out.csv).not.toContain("'413");
    const t2 = await openReadyBackend();
    const p = await t2.call('directory.importPreview', { csv: out.csv });
    expect(p).toMatchObject({ canCommit: true, summary: { organisationsToCreate: 3, contactsToCreate: 3 } });
    expect(p.organisations.map((o) => o.name)).toContain('=HYPERLINK("x")');
  });

  it('guards every cell a spreadsheet would compute, phone numbers with a + included; plain numbers stay numbers', async () => {
    const t = await openReadyBackend();
    const src = csv('-2+3 Clinic,,Pharmacy,supporting,,1 St,Ware,MA,01082,,,Pat Lee,Pharmacist,+1 413 555 0100,,,');
    await t.call('directory.importCommit', { csv: src, digest: (await t.call('directory.importPreview', { csv: src })).digest });
    const out = (await t.call('directory.exportCsv', {})).csv;
    expect(out).toContain("'-2+3 Clinic");
    expect(out).toContain("'+1 413 555 0100");
    const back = await (await openReadyBackend()).call('directory.importPreview', { csv: out });
    expect(back.organisations.map((o) => o.name)).toEqual(['-2+3 Clinic']);
  });

  it('marks the demonstration coalition’s rows, which never import as real organisations', async () => {
    const t = await openBackend();
    await t.call('demo.load', {});
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions[0]!.id });
    const out = (await t.call('directory.exportCsv', {})).csv;
    const lines = out.trim().split('\r\n').slice(1);
    expect(lines.every((l) => l.endsWith(',DEMO DATA'))).toBe(true);
    const p = await (await openReadyBackend()).call('directory.importPreview', { csv: out });
    expect(p.canCommit).toBe(false);
    expect(p.rows[0]!.errors[0]).toMatchObject({ column: 'marking', message: expect.stringContaining('Demonstration data') });
  });

  it('names the line where an unclosed quote opened', async () => {
    const t = await openReadyBackend();
    const p = await t.call('directory.importPreview', { csv: csv(GOOD[0]!, '"Swift River Dialysis,,Dialysis,supporting,,4 Mill Rd,Belchertown,MA,01007,,,,,,,,', GOOD[2]!) });
    expect(p.fileErrors).toContain('Line 3: a quoted cell opened on this line is never closed; check its quotation marks');
  });
});
