import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn } from './flows';
import { goTo } from './flows-incident';
import { expect, startHost, test } from './fixtures/host';

/** The demonstration store with one log entry's text changed outside the console, as by someone with the file. */
function tamperedDemo(): { dataDir: string; entryId: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-integrity-'));
  const r = spawnSync(process.execPath, [path.resolve('out/main/cli.js'), 'demo', '--data-dir', dataDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  const db = new Database(path.join(dataDir, 'eoc.sqlite'));
  const { row_id: entryId } = db.prepare("SELECT row_id FROM fact_chain WHERE table_name = 'log_entries' ORDER BY seq DESC LIMIT 1").get() as { row_id: string };
  const guard = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'log_entries_no_update'").get() as { sql: string }).sql;
  db.exec('DROP TRIGGER log_entries_no_update');
  db.prepare("UPDATE log_entries SET text = 'Nothing to report' WHERE id = ?").run(entryId);
  db.exec(guard);
  db.close();
  return { dataDir, entryId };
}

test.describe('record integrity', () => {
  test('a record changed outside the console raises a banner on every screen, in words, and is marked where it is shown', async ({ page }) => {
    const { dataDir } = tamperedDemo();
    const host = await startHost(dataDir);
    try {
      await page.goto(host.url);
      await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
      const banner = page.getByTestId('integrity-banner');
      await expect(banner).toContainText('RECORD INTEGRITY: 1 problem found');
      await expect(banner).toContainText('was changed after it was written');

      await goTo(page, 'Alt+4', 'timeline-screen');
      await expect(banner).toBeVisible();
      const marked = page.locator('[data-testid="timeline-row"][data-integrity="failed"]');
      await expect(marked).toHaveCount(1);
      await expect(marked).toContainText('Nothing to report');
      await expect(marked).toContainText('FAILED INTEGRITY CHECK');

      await banner.getByRole('button', { name: 'Details' }).click();
      const panel = page.getByTestId('integrity-panel');
      await expect(panel.getByTestId('integrity-result')).toHaveText('1 problem found');
      await expect(panel.getByTestId('integrity-problems')).toContainText('Log entry');
      await expect(page.getByTestId('key-fingerprint')).toHaveText(/^([0-9A-F]{4} ){5}[0-9A-F]{4}$/);
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
