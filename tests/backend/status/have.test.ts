import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '../helpers/snapshot';
import { all, child, inOrder, names, tree } from '../edxl/helpers';
import { HOUR, MIN, statusFixture, T0 } from './fixtures';

/** HAVE 1.0's sequences, read from the official XSD and written out here (not imported from the exporter). */
const HOSPITAL = ['Organization', 'EmergencyDepartmentStatus', 'HospitalBedCapacityStatus', 'ServiceCoverageStatus', 'HospitalFacilityStatus', 'HospitalResourcesStatus', 'LastUpdateTime'];
const FACILITY = ['HospitalEOCStatus', 'HospitalEOCPlan', 'ClinicalStatus', 'DeconCapacity', 'MorgueCapacity', 'FacilityStatus', 'SecurityStatus', 'Activity24Hr', 'CommentText'];
const CAPACITY = ['CapacityStatus', 'AvailableCount', 'BaselineCount', 'AdditionalCapacityCount24Hr', 'AdditionalCapacityCount72Hr'];
const DE = ['distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionType', 'combinedConfidentiality', 'language', 'senderRole', 'recipientRole', 'keyword', 'distributionReference', 'explicitAddress', 'targetArea', 'contentObject'];

async function twoHospitals() {
  const t = await statusFixture();
  const mercy = await t.facility('Mercy General');
  const bay = await t.facility('Baystate North');
  await t.facility('Never Reported Hospital');
  await t.report(mercy, {
    'ops.status': 'compromised',
    'ed.ems_traffic': 'diversion',
    'ed.diversion_reason': 'CT scanner down',
    'beds.adult_icu.baseline': 20,
    'beds.adult_icu.available': 0,
    'beds.medical_surgical.baseline': 120,
    'beds.medical_surgical.available': 14,
    'staff.nursing': 'insufficient',
    'ops.command_center': true,
  });
  t.advance(5 * MIN);
  await t.report(bay, { 'ops.status': 'normal', 'beds.burn.available': 2 });
  return { t, mercy, bay };
}

describe('EDXL-HAVE 1.0 export', () => {
  it('writes current hospital status in an EDXL-DE envelope with the required elements in schema order and values from HAVE’s lists', async () => {
    const { t, mercy } = await twoHospitals();
    const r = await t.call('status.exportHave', {});
    expect(r).toMatchObject({ hospitals: 2, mimeType: 'application/xml', manifest: { form: 'EDXL-HAVE', exercise: false } });
    const xml = Buffer.from(r.base64, 'base64').toString('utf8');
    const de = tree(xml);
    expect(de.name).toBe('EDXLDistribution');
    expect(xml).toContain('xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"');
    expect(inOrder(names(de), DE)).toBe(true);
    expect(child(de, 'distributionStatus')!.text).toBe('Actual');
    const status = child(child(child(de, 'contentObject')!, 'xmlContent')!, 'embeddedXMLContent')!.children[0]!;
    expect(status.name).toBe('HospitalStatus');
    expect(xml).toContain('<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0"');
    const hospitals = all(status, 'Hospital');
    expect(hospitals).toHaveLength(2);
    for (const h of hospitals) {
      expect(inOrder(names(h), HOSPITAL)).toBe(true);
      expect(names(h)[0]).toBe('Organization');
      expect(names(h).at(-1)).toBe('LastUpdateTime');
      expect(child(h, 'LastUpdateTime')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    const m = hospitals.find((h) => JSON.stringify(h).includes('Mercy General'))!;
    const name = child(child(child(m, 'Organization')!, 'OrganizationInformation')!, 'OrganisationName')!;
    expect(child(name, 'NameElement')!.text).toBe('Mercy General');
    expect(xml).toContain(`xnl:OrganisationID="urn:uuid:${mercy}"`);
    expect(child(child(child(m, 'EmergencyDepartmentStatus')!, 'EMSTraffic')!, 'EMSTrafficStatus')!.text).toBe('Closed');
    const beds = all(child(m, 'HospitalBedCapacityStatus')!, 'BedCapacity');
    expect(beds.map((b) => [child(b, 'BedType')!.text, names(child(b, 'Capacity')!)])).toEqual([
      ['AdultICU', ['CapacityStatus', 'AvailableCount', 'BaselineCount']],
      ['MedicalSurgical', ['CapacityStatus', 'AvailableCount', 'BaselineCount']],
    ]);
    for (const b of beds) expect(inOrder(names(child(b, 'Capacity')!), CAPACITY)).toBe(true);
    expect(child(child(beds[0]!, 'Capacity')!, 'CapacityStatus')!.text).toBe('NotAvailable');
    const fs = child(m, 'HospitalFacilityStatus')!;
    expect(inOrder(names(fs), FACILITY)).toBe(true);
    expect([child(fs, 'HospitalEOCStatus')!.text, child(fs, 'FacilityStatus')!.text]).toEqual(['Active', 'Compromised']);
    expect(child(child(m, 'HospitalResourcesStatus')!, 'Staffing')!.text).toBe('Insufficient');
    const { entries } = await t.call('audit.recent', { limit: 5 });
    expect(entries.some((e) => e.action === 'export.generated' && (e.detail as { form?: string }).form === 'EDXL-HAVE')).toBe(true);
  });

  it('says Exercise when every open incident is an exercise', async () => {
    const { t } = await twoHospitals();
    const { levels } = await t.call('incident.levels', {});
    await t.call('incident.create', { name: 'Drill', exercise: true, activationLevelId: levels[0]!.id });
    const r = await t.call('status.exportHave', {});
    expect(r.fileName).toMatch(/^EXERCISE_EDXL-HAVE_/);
    expect(child(tree(Buffer.from(r.base64, 'base64').toString('utf8')), 'distributionStatus')!.text).toBe('Exercise');
  });
});

describe('EDXL-HAVE and CSV import', () => {
  it('round-trips: matches hospitals by identifier or name, lists the unmatched, writes nothing on preview, keeps the document’s times on commit', async () => {
    const { t, mercy, bay } = await twoHospitals();
    const exported = Buffer.from((await t.call('status.exportHave', {})).base64, 'base64').toString('utf8');
    // Another system's copy: a hospital we do not know, Baystate by name only, newer times.
    const foreign = exported
      .replace(`urn:uuid:${bay}`, 'HOSP-0042')
      .replace(/<Hospital>/, '<Hospital><Organization><OrganizationInformation><xnl:OrganisationName><xnl:NameElement>Faraway Medical Center</xnl:NameElement></xnl:OrganisationName></OrganizationInformation></Organization><LastUpdateTime>2026-11-25T15:30:00Z</LastUpdateTime></Hospital><Hospital>')
;
    t.advance(2 * HOUR);
    const before = snapshotCounts(t.dataDir);
    const preview = await t.call('status.importPreview', { format: 'have', text: foreign });
    expect(snapshotCounts(t.dataDir)).toEqual(before);
    expect(preview.unmatched).toEqual(['Faraway Medical Center']);
    expect(preview.rows.map((r) => [r.name, r.matchedBy])).toEqual([
      ['Faraway Medical Center', null],
      ['Baystate North', 'name'],
      ['Mercy General', 'identifier'],
    ]);
    expect(preview.reports).toBe(2);
    const commit = await t.call('status.importCommit', { format: 'have', text: foreign, digest: preview.digest });
    expect(commit.reports).toBe(2);
    const { reports } = await t.call('status.history', { organisationId: mercy, limit: 1 });
    expect(reports[0]).toMatchObject({ source: 'import', occurredAt: T0, note: expect.stringContaining('Imported from EDXL-HAVE document urn:uuid:') });
    expect(reports[0]!.values.map((v) => v.display)).toEqual(expect.arrayContaining(['On diversion', 'Compromised', '14 beds', 'CT scanner down']));
    // Importing the same document twice adds nothing.
    const again = await t.call('status.importPreview', { format: 'have', text: foreign });
    expect(again.reports).toBe(0);
    expect(again.canCommit).toBe(false);
  });

  it('refuses a DOCTYPE, an external entity, a wrong namespace, an oversized or malformed file, in words, and writes nothing', async () => {
    const { t } = await twoHospitals();
    const before = snapshotCounts(t.dataDir);
    const refuse = async (text: string, msg: RegExp) => {
      const p = await t.raw('status.importPreview', { format: 'have', text });
      expect(p).toMatchObject({ ok: false, error: { message: expect.stringMatching(msg) } });
      const c = await t.raw('status.importCommit', { format: 'have', text, digest: 'a'.repeat(64) });
      expect(c.ok).toBe(false);
    };
    await refuse('<?xml version="1.0"?><!DOCTYPE HospitalStatus [<!ENTITY x SYSTEM "file:///etc/passwd">]><HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0">&x;</HospitalStatus>', /DOCTYPE or entity/);
    await refuse('<!ENTITY x "y"><HospitalStatus/>', /DOCTYPE or entity/);
    await refuse('<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:2.0"><Hospital/></HospitalStatus>', /namespace "urn:oasis:names:tc:emergency:EDXL:HAVE:2.0", not EDXL-HAVE 1.0/);
    await refuse('<h:HospitalStatus xmlns:h="urn:example"><h:Hospital/></h:HospitalStatus>', /not EDXL-HAVE 1.0/);
    await refuse('<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0"><Hospital></HospitalStatus>', /not well-formed XML/);
    await refuse('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>', /This is a alert document, not EDXL-HAVE/);
    await refuse(`<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0">${' '.repeat(2_000_001)}</HospitalStatus>`, /too large/);
    expect(snapshotCounts(t.dataDir)).toEqual(before);
  });

  it('imports a CSV status sheet in the documented layout; a row it cannot read is shown and skipped', async () => {
    const { t, mercy } = await twoHospitals();
    await t.facility('Hilltop Care', { discipline: 'long_term_care' });
    t.advance(HOUR);
    const csv = [
      'facility,identifier,reported_at,reported_by,ops.status,beds.adult_icu.available,power.source,beds.ltc.available',
      `Ignored Name,${mercy},2026-11-25 10:50,Pat Nurse,Normal,1,On generator,`,
      'Hilltop Care,,2026-11-25T15:55:00Z,,evacuating,,generator,4',
      'Nowhere Clinic,,2026-11-25 10:00,,normal,,,',
      'Baystate North,,yesterday,,normal,,,',
    ].join('\n');
    const preview = await t.call('status.importPreview', { format: 'csv', text: csv });
    expect(preview.rows.map((r) => [r.line, r.matchedName, r.occurredAt])).toEqual([
      [2, 'Mercy General', T0 + 50 * MIN],
      [3, 'Hilltop Care', T0 + 55 * MIN],
      [4, null, T0],
      [5, 'Baystate North', null],
    ]);
    expect(preview.rows[3]!.problems[0]).toContain('reported_at "yesterday" is not a date and time');
    expect(preview.reports).toBe(2);
    await t.call('status.importCommit', { format: 'csv', text: csv, digest: preview.digest });
    const { facilities } = await t.call('status.facilities', {});
    expect(facilities.find((f) => f.name === 'Hilltop Care')!.headline.words).toBe('Evacuating');
    const bad = await t.call('status.importPreview', { format: 'csv', text: 'facility,reported_at,beds.nonsense\nA,2026-11-25 10:00,1' });
    expect(bad.fileErrors).toEqual(['Unknown columns (not status type codes in the catalogue): beds.nonsense']);
    expect(bad.canCommit).toBe(false);
  });
});
