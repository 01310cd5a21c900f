import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/run';
import { openBackend, openReadyBackend, tempDir } from '../helpers/backend';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('export have and export sitrep on the command line', () => {
  it('writes the hospital status as EDXL-HAVE and an approved situation report as PDF and DOCX, each with its manifest, audited as the command line', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', {});
    await t.backend.close();
    const dir = tempDir();
    const have = await cli('export', 'have', '--data-dir', t.dataDir, '--out', path.join(dir, 'status.xml'));
    expect(have.code, have.err).toBe(0);
    expect(have.out).toMatch(/Wrote .*status\.xml .*marked EXERCISE/);
    expect(have.out).toContain('8 hospitals.');
    const xml = fs.readFileSync(path.join(dir, 'status.xml'), 'utf8');
    expect(xml).toContain('<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0"');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'status.xml.manifest.json'), 'utf8'))).toMatchObject({ form: 'EDXL-HAVE', exercise: true });

    for (const format of ['pdf', 'docx'] as const) {
      const r = await cli('export', 'sitrep', '--data-dir', t.dataDir, '--incident', incidentId!, '--format', format, '--out', path.join(dir, `sitrep.${format}`));
      expect(r.code, r.err).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'sitrep.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(path.join(dir, 'sitrep.docx')).subarray(0, 2).toString()).toBe('PK');

    // Audited under the command line's name, and nobody is left signed in.
    const b = await openBackend({ dataDir: t.dataDir });
    expect((await b.call('session.current', {})).session).toBeNull();
    const { positions } = await b.call('position.list', {});
    await b.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
    const { entries } = await b.call('audit.recent', { limit: 20 });
    const exports = entries.filter((e) => e.action === 'export.generated');
    expect(exports).toHaveLength(3);
    expect(exports.every((e) => e.operatorName === 'Admin command line')).toBe(true);
  });

  it('refuses in words: a bad format, an incident without an approved report, a folder for a file, exit 1', async () => {
    const t = await openReadyBackend();
    const { levels } = await t.call('incident.levels', {});
    const { incident } = await t.call('incident.create', { name: 'Quiet drill', exercise: true, activationLevelId: levels[0]!.id });
    await t.backend.close();
    const out = path.join(tempDir(), 'x.pdf');
    expect(await cli('export', 'sitrep', '--data-dir', t.dataDir, '--incident', incident.id, '--format', 'odt', '--out', out)).toMatchObject({ code: 1, err: '--format must be pdf or docx, not "odt"' });
    expect(await cli('export', 'sitrep', '--data-dir', t.dataDir, '--incident', incident.id, '--format', 'pdf', '--out', out)).toMatchObject({
      code: 1,
      err: 'This incident has no approved situation report yet: approve one in the console first',
    });
    expect(await cli('export', 'have', '--data-dir', t.dataDir, '--out', out)).toMatchObject({ code: 1, err: 'No hospital has reported any status yet: there is nothing to export' });
    expect(await cli('export', 'have', '--data-dir', t.dataDir)).toMatchObject({ code: 1, err: '--out is required' });
    expect(await cli('export')).toMatchObject({ code: 1, err: expect.stringContaining('export have, export sitrep') });
    expect(fs.existsSync(out)).toBe(false);
  });
});
