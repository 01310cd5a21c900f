import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { AlertInput } from '../../../shared/contract';
import { CAP_TEMPLATES } from '../../../shared/domain/cap';
import { checkCap } from '../../../electron/backend/domains/alert/cap-check';
import { runCli } from '../../../electron/backend/cli/run';
import { openBackend, openReadyBackend, tempDir } from '../helpers/backend';
import { incidentFixture } from '../incident/fixtures';
import { pdfPagesText } from '../export/pdf-text';

const heat = CAP_TEMPLATES.find((t) => t.id === 'heat')!;
const input = (extra: Partial<AlertInput> = {}): AlertInput => ({
  template: 'heat',
  event: heat.event,
  categories: heat.categories,
  responseTypes: heat.responseTypes,
  urgency: heat.urgency,
  severity: heat.severity,
  certainty: heat.certainty,
  headline: heat.headline,
  description: heat.description,
  instruction: 'Go to a cooling center: Springfield <Central> Library & Senior Center.',
  areaDesc: 'Hampden County, Massachusetts',
  geocodes: [{ valueName: 'SAME', value: '025013' }],
  expiresInHours: 48,
  ...extra,
});

const childNames = (xml: string, tag: string) => {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const el = tag === 'alert' ? doc.documentElement! : doc.getElementsByTagName(tag)[0]!;
  const out: string[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push((n as unknown as { localName: string }).localName);
  return out;
};

describe('public warning (CAP 1.2)', () => {
  it('issues an alert whose elements follow the schema order, in the CAP namespace, with CAP times', async () => {
    const t = await openReadyBackend();
    const { alert, xml } = await t.call('alert.issue', input());
    expect(checkCap(xml)).toEqual([]);
    expect(childNames(xml, 'alert')).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'info']);
    expect(childNames(xml, 'info')).toEqual([
      'language', 'category', 'category', 'event', 'responseType', 'responseType', 'urgency', 'severity', 'certainty',
      'effective', 'expires', 'headline', 'description', 'instruction', 'area',
    ]);
    expect(childNames(xml, 'area')).toEqual(['areaDesc', 'geocode']);
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(alert.sent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-00:00$/);
    expect(xml).toContain('Springfield &lt;Central&gt; Library &amp; Senior Center');
    expect(alert).toMatchObject({ status: 'Actual', msgType: 'Alert', sha256: createHash('sha256').update(xml).digest('hex') });
  });

  it('marks an alert of an exercise incident Exercise, and an update refers to the alert it updates', async () => {
    const { t, incident } = await incidentFixture({ exercise: true });
    const first = await t.call('alert.issue', input({ incidentId: incident.id }));
    expect(first.alert.status).toBe('Exercise');
    expect(first.xml).toContain(`<incidents>${incident.id}</incidents>`);
    const upd = await t.call('alert.issue', input({ incidentId: incident.id, msgType: 'Update', referencesId: first.alert.id, headline: 'Heat continues' }));
    expect(checkCap(upd.xml)).toEqual([]);
    expect(upd.xml).toMatch(new RegExp(`<references>[^<]+,${first.alert.identifier},${first.alert.sent.replace('+', '\\+')}</references>`));
    const r = await t.raw('alert.issue', input({ msgType: 'Cancel' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('A cancellation must name the alert it cancels');
    expect((await t.call('alert.list', {})).alerts.map((a) => a.msgType)).toEqual(['Update', 'Alert']);
  });

  it('sends the demonstration coalition out as Test only, never Actual nor Exercise, marked DEMO DATA', async () => {
    const t = await openBackend();
    await t.call('demo.load', { workstationName: 'DEMO' });
    const { positions } = await t.call('position.list', {});
    await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    const outside = await t.call('alert.issue', input());
    expect(outside.alert).toMatchObject({ status: 'Test', demo: true, incidentId: null });
    expect(outside.xml).toContain('<status>Test</status>');
    expect(outside.xml).toContain('<note>DEMO DATA: not a real alert.</note>');
    expect(checkCap(outside.xml)).toEqual([]);
    // Chosen as Exercise, or part of the demo's exercise incident: Test all the same.
    expect((await t.call('alert.issue', input({ status: 'Exercise' }))).alert.status).toBe('Test');
    const { incidents } = await t.call('incident.list', {});
    const inExercise = await t.call('alert.issue', input({ incidentId: incidents.find((i) => i.exercise)!.id }));
    expect(inExercise.alert.status).toBe('Test');
    expect(checkCap(inExercise.xml)).toEqual([]);
  });

  it('every alert issued is a record of fact: it cannot be altered', async () => {
    const t = await openReadyBackend();
    await t.call('alert.issue', input());
    await t.backend.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'));
    expect(() => db.prepare("UPDATE alerts SET headline = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM alerts').run()).toThrow(/append-only/);
    db.close();
  });

  it('the structure check names what is out of order or outside the code lists', () => {
    const ok = '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>a</identifier><sender>b</sender><sent>2026-01-01T00:00:00-00:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>';
    expect(checkCap(ok)).toEqual([]);
    expect(checkCap(ok.replace('<status>Actual</status><msgType>Alert</msgType>', '<msgType>Alert</msgType><status>Actual</status>')).join(' ')).toMatch(/out of the schema's order|required/);
    expect(checkCap(ok.replace('Actual', 'Real')).join(' ')).toMatch(/"Real" is not one of Actual/);
    expect(checkCap(ok.replace('-00:00', 'Z')).join(' ')).toMatch(/not a CAP date and time/);
  });

  it('prints the alert from its XML as issued', async () => {
    const t = await openReadyBackend();
    const { alert } = await t.call('alert.issue', input());
    const print = await t.call('alert.print', { id: alert.id });
    const [page] = await pdfPagesText(Buffer.from(print.base64, 'base64'));
    expect(page).toContain('PUBLIC WARNING (CAP 1.2): ALERT');
    expect(page).toContain(heat.headline);
    expect(page).toContain('Hampden County, Massachusetts');
  });

  it('npm run cli -- export cap writes the latest alert byte for byte, and refuses to overwrite a file', async () => {
    const t = await openReadyBackend();
    const { xml } = await t.call('alert.issue', input());
    await t.backend.close();
    const out = path.join(tempDir(), 'alert.xml');
    const lines: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => err.push(l) };
    expect(await runCli(['export', 'cap', '--data-dir', t.dataDir, '--alert', 'latest', '--out', out], io)).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(xml);
    expect(lines[0]).toContain('SHA-256');
    expect(await runCli(['export', 'cap', '--data-dir', t.dataDir, '--alert', 'latest', '--out', out], io)).toBe(1);
    expect(err.at(-1)).toMatch(/already exists/);
    expect(await runCli(['export', 'cap', '--data-dir', t.dataDir, '--alert', 'nonsense', '--out', `${out}2`], io)).toBe(1);
    expect(err.at(-1)).toBe('Alert must be an alert id or "latest"');
    const missing = path.join(tempDir(), 'typo');
    expect(await runCli(['export', 'cap', '--data-dir', missing, '--alert', 'latest', '--out', `${out}3`], io)).toBe(1);
    expect(err.at(-1)).toMatch(/holds no console data/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
