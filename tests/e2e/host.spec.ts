import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completeSetup } from './flows';
import { expect, startHost, test, waitForScreen } from './fixtures/host';

test.describe('the browser host and the data file', () => {
  test('says "reconnecting…" when the host goes away and carries on by itself when it is back', async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-'));
    const token = 'e2e-reconnect-token-0123456789';
    let host = await startHost(dataDir, { token });
    const port = Number(new URL(host.url).port);
    try {
      await page.goto(host.url);
      await waitForScreen(page, 'setup');
      await host.stop('SIGKILL');
      await expect(page.getByTestId('connection-banner')).toContainText('Connection to the console host lost: reconnecting…');
      host = await startHost(dataDir, { port, token });
      await expect(page.getByTestId('connection-banner')).toHaveCount(0);
      await completeSetup(page);
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('an empty data file opens the restore screen with the data folder and a way forward', async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-'));
    fs.writeFileSync(path.join(dataDir, 'eoc.sqlite'), '');
    const host = await startHost(dataDir);
    try {
      await page.goto(host.url);
      await waitForScreen(page, 'restore');
      await expect(page.getByRole('alert').first()).toContainText('The data file is empty');
      await expect(page.getByTestId('data-folder-panel')).toContainText(dataDir);
      await page.getByLabel('Full path of the file').fill(path.join(dataDir, 'eoc.sqlite'));
      await page.getByRole('button', { name: 'Check and restore' }).click();
      await expect(page.getByTestId('restore-file-panel').getByRole('alert')).toContainText('It cannot be restored');
      await page.getByRole('button', { name: 'Keep the file aside and start a new store' }).click();
      await page.getByRole('button', { name: 'Keep it aside and start new' }).click();
      await waitForScreen(page, 'setup');
      expect(fs.readdirSync(path.join(dataDir, 'aside'))).toEqual([expect.stringMatching(/-empty\.sqlite$/)]);
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
