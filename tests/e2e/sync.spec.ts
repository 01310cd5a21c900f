import fs from 'node:fs';
import { completeSetup, signIn } from './flows';
import { createIncidentFromTemplate, goTo, quickLog } from './flows-incident';
import { expect, startHost, test, waitForScreen, type Host } from './fixtures/host';
import { checkDialog, gathered, setTheme } from './a11y-check';

const SYNC = ['--sync-port', '0', '--sync-host', '127.0.0.1', '--no-mdns'];

test.describe('two workstations, one record', () => {
  const hosts: Host[] = [];
  test.afterEach(async () => {
    for (const h of hosts.splice(0)) {
      await h.stop();
      fs.rmSync(h.dataDir, { recursive: true, force: true });
    }
  });

  test('a workstation joins with a code; an entry typed on one appears on the other’s timeline; a concurrent edit shows in both conflict queues', async ({ browser }) => {
    test.setTimeout(240_000);
    const a = await startHost(undefined, { args: SYNC });
    const b = await startHost(undefined, { args: SYNC });
    hosts.push(a, b);
    const pa = await (await browser.newContext()).newPage();
    const pb = await (await browser.newContext()).newPage();

    // Workstation 1 sets up the coalition, opens an incident and issues a join code.
    await pa.goto(a.url);
    await completeSetup(pa);
    await signIn(pa, 'Dana Duty', 'Coalition Duty Officer');
    await createIncidentFromTemplate(pa, { name: 'Ice storm', template: 'Severe winter storm', exercise: true });
    await goTo(pa, 'Control+Shift+Y', 'sync-screen');
    await pa.getByTestId('issue-join').click();
    const code = (await pa.getByTestId('join-code').textContent())!.trim();

    // Workstation 2 joins with it and reaches workstation 1 by address.
    await pb.goto(b.url);
    await waitForScreen(pb, 'setup');
    await pb.getByTestId('join-code-input').fill(code);
    await pb.getByTestId('join-name').fill('EOC-2');
    await pb.getByTestId('join-submit').click();
    await expect(pb.getByTestId('join-waiting')).toContainText('Joined as WS2');
    await pb.getByTestId('join-peer-address').fill(`127.0.0.1:${a.syncPort}`);
    await pb.getByRole('button', { name: 'Connect' }).click();
    await signIn(pb, 'Lee Logistics', 'Logistics Section Chief');
    await goTo(pb, 'Alt+4', 'timeline-screen');
    await pb.getByTestId('choose-active-incident').getByLabel('Make this incident active').click();
    await pb.getByRole('option', { name: /Ice storm/ }).click();
    await pb.getByRole('button', { name: 'Make active' }).click();

    // Typed on 1, it appears on 2's timeline without a reload.
    await quickLog(pa, 'Generator failed at Hilltop Care Center');
    await expect(pb.getByTestId('timeline-list')).toContainText('Generator failed at Hilltop Care Center');
    await expect(pb.getByTestId('sync-state')).toContainText('Synced with 1');

    // Cut the link (2 forgets 1), rename the incident on both, then reconnect.
    await goTo(pb, 'Control+Shift+Y', 'sync-screen');
    await pb.getByTestId('peer-row').getByRole('button', { name: 'Forget' }).click();
    await expect(pb.getByTestId('sync-state')).toContainText('Not syncing');
    for (const [page, name, number] of [
      [pa, 'Ice storm (north)', 'MA-2026-N'],
      [pb, 'Ice storm (valley)', 'MA-2026-V'],
    ] as const) {
      await goTo(page, 'Alt+2', 'incidents-screen');
      await page.getByRole('tab', { name: 'Details and approvers' }).click();
      const form = page.getByTestId('incident-settings');
      await form.getByLabel('Incident name').fill(name);
      await form.getByLabel('Incident number').fill(number);
      await form.getByRole('button', { name: 'Save details' }).click();
      await expect(page.getByTestId('topbar-incident')).toHaveText(name);
    }
    await goTo(pb, 'Control+Shift+Y', 'sync-screen');
    await pb.getByTestId('peer-address').fill(`127.0.0.1:${a.syncPort}`);
    await pb.getByRole('button', { name: 'Add', exact: true }).click();
    await goTo(pa, 'Control+Shift+Y', 'sync-screen');
    for (const page of [pa, pb]) {
      await expect(page.getByTestId('conflict-count')).toHaveText('2 to review');
      // The record is named as it reads now; the other name is kept in its Name row.
      const row = page.getByTestId('conflict-row').filter({ hasText: 'Ice storm (north)' });
      await expect(row).toContainText('Name');
      await expect(row).toContainText('Ice storm (valley)');
      await expect(page.getByTestId('topbar-incident')).toHaveText('Ice storm (valley)');
      // Each row's buttons say which record and field they decide: no two alike.
      const said = await page.getByTestId('conflict-queue').getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent));
      expect(said).toHaveLength(4);
      expect(new Set(said).size).toBe(4);
    }
    // 1 keeps its own wording of the name; the choice reaches 2. The incident number is kept as shown.
    await pa.getByRole('button', { name: /^Use other value of .*: Name$/ }).click();
    await expect(pa.getByTestId('conflict-count')).toHaveText('1 to review');
    await pa.getByRole('button', { name: /^Keep shown value of .*number$/i }).click();
    for (const page of [pa, pb]) {
      await expect(page.getByTestId('conflict-count')).toHaveText('None');
      await expect(page.getByTestId('topbar-incident')).toHaveText('Ice storm (north)');
    }

    // Across an air gap: 1 exports a signed bundle; 2 opens it, sees who signed it before
    // anything is written, and imports it with a progress bar; all of it was already here.
    const download = pa.waitForEvent('download');
    await pa.getByTestId('bundle-export').click();
    const file = await (await download).path();
    await expect(pa.getByTestId('bundle-exported')).toContainText('signed by this workstation');
    await goTo(pb, 'Control+Shift+Y', 'sync-screen');
    await pb.locator('input[type="file"]').setInputFiles({ name: 'storm.eocbundle', mimeType: 'application/octet-stream', buffer: fs.readFileSync(file) });
    await expect(pb.getByTestId('bundle-summary')).toContainText('From EOC-1, key fingerprint');
    await pb.getByTestId('bundle-import').click();
    await expect(pb.getByTestId('bundle-imported')).toContainText('All of it was already here');
    await expect(pb.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    // A file that is not a bundle is refused in words.
    await pb.locator('input[type="file"]').setInputFiles({ name: 'notes.eocbundle', mimeType: 'application/octet-stream', buffer: Buffer.from('meeting notes') });
    await expect(pb.getByTestId('bundle-refused')).toContainText('not a bundle of this console');

    // Removing workstation 2 asks first; the confirmation passes the accessibility check in
    // both themes and gives focus back to its button. Confirmed, 2 reads Removed on 1.
    const members = pa.getByTestId('members-panel');
    const remove = { name: 'remove a workstation (confirmation)', path: '/sync', opener: (p: typeof pa) => p.getByTestId('members-panel').getByRole('button', { name: /^Remove / }) };
    const { found, soft } = gathered();
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(pa, scheme);
      await soft(`${remove.name} ${scheme}`, () => checkDialog(pa, a.url, remove, scheme, found));
    }
    expect(found).toEqual([]);
    await remove.opener(pa).click();
    await pa.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(members.getByRole('row').filter({ hasText: 'EOC-2' })).toContainText('Removed');
    await expect(remove.opener(pa)).toHaveCount(0);
  });
});
