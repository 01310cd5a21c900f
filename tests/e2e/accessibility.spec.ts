import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startHost, test, waitForScreen } from './fixtures/host';
import { completeSetup, setPinAndIdleLock, signIn } from './flows';
import { loadDemoAndSignIn, loadDemoAt } from './flows-resources';
import { DIALOGS, STATES } from './a11y-dialogs';
import { checkDialog, gathered, setTheme, violations } from './a11y-check';

/** Every screen of the rail, by address, with what marks it loaded. */
const SCREENS = ['/', '/incidents', '/log', '/timeline', '/decisions', '/messages', '/board', '/requests', '/requests?view=charts', '/inventory', '/directory', '/aar', '/exercises', '/map', '/settings'];

/** The screens added with facility status, preparedness and sync, each preparedness tab as its own. */
const MORE_SCREENS = ['/status', '/sitrep', '/sync', ...['plans', 'activation', 'calldown', 'services', 'hva', 'alerts'].map((t) => `/prep?tab=${t}`)];

async function visitAll(page: Page, url: string, label: string, screens: readonly string[] = SCREENS): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['dark', 'light'] as const) {
    await setTheme(page, scheme);
    for (const path of screens) {
      await page.goto(`${url.split('#')[0]}#${path}`);
      await waitForScreen(page, 'console');
      await expect(page.locator('main')).not.toBeEmpty();
      found.push(...(await violations(page, `${label} ${scheme} ${path}`)));
    }
  }
  return found;
}

test.describe('accessibility (WCAG 2.2 A/AA, axe-core)', () => {
  test('first run, sign-in and every screen empty, in dark and light', async ({ page, host }) => {
    test.setTimeout(420_000);
    await page.goto(host.url);
    await waitForScreen(page, 'setup');
    const found = await violations(page, 'setup');
    await completeSetup(page);
    found.push(...(await violations(page, 'sign-in')));
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    found.push(...(await visitAll(page, host.url, 'empty')));
    expect(found).toEqual([]);
  });

  test('every screen loaded with the demonstration coalition, its dialogs and a refusal, in dark and light', async ({ page, host }) => {
    test.setTimeout(600_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const found = await visitAll(page, host.url, 'demo');
    // Dialogs, each checked open and then closed with Esc: focus must come back on screen.
    const dialogs: [string, string][] = [
      ['/decisions', 'Control+Shift+D'],
      ['/messages', 'Control+Shift+M'],
      ['/', 'Control+L'],
      ['/', 'Control+K'],
    ];
    for (const scheme of ['light', 'dark'] as const) for (const [path, keys] of dialogs) {
      await setTheme(page, scheme);
      await page.goto(`${host.url.split('#')[0]}#${path}`);
      await waitForScreen(page, 'console');
      await page.keyboard.press(keys);
      await expect(page.getByRole('dialog').first()).toBeVisible();
      found.push(...(await violations(page, `dialog ${scheme} ${keys}`)));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => !!document.activeElement && document.activeElement !== document.body), { message: `focus after ${keys}` }).toBe(true);
    }
    // A refusal in words: an empty decision form submitted.
    await page.keyboard.press('Control+Shift+D');
    await page.getByTestId('decision-form').getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByTestId('decision-form').getByText(/required|Name the plan/).first()).toBeVisible();
    found.push(...(await violations(page, 'decision form refused')));
    expect(found).toEqual([]);
  });

  test('the status, situation report, preparedness and sync screens with the demonstration coalition, and the transcription dialog', async ({ page, host }) => {
    test.setTimeout(600_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const found = await visitAll(page, host.url, 'demo', MORE_SCREENS);
    await page.goto(`${host.url.split('#')[0]}#/log`);
    await waitForScreen(page, 'console');
    await page.keyboard.press('Alt+Shift+T');
    await expect(page.getByTestId('transcribe-form')).toBeVisible();
    found.push(...(await violations(page, 'transcription dialog')));
    expect(found).toEqual([]);
  });

  test('every form dialog and drawer with the demonstration coalition: no violation, and focus back on its opener after Esc and after Cancel', async ({ page, host }) => {
    test.setTimeout(600_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const { found, soft } = gathered();
    for (const c of DIALOGS) {
      for (const scheme of c.bothThemes ? (['dark', 'light'] as const) : (['dark'] as const)) {
        await setTheme(page, scheme);
        await soft(`${c.name} ${scheme}`, () => checkDialog(page, host.url, c, scheme, found));
      }
    }
    expect(found).toEqual([]);
  });

  test('states of screens with the demonstration coalition (views, a refusal in words, a query that failed, a screen that failed to load), in dark and light', async ({ page, host }) => {
    test.setTimeout(420_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const { found, soft } = gathered();
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      for (const c of STATES) {
        await soft(`${c.name} ${scheme}`, async () => {
          await page.goto(`${host.url.split('#')[0]}#${c.path}`);
          await waitForScreen(page, 'console');
          await c.before?.(page);
          await expect(c.shown(page)).toBeVisible();
          found.push(...(await violations(page, `${c.name} ${scheme}`)));
        });
      }
    }
    // A screen whose code cannot load (a damaged install) says so, in words.
    await page.route(/\/assets\/BoardScreen-[^/]*\.js$/, (r) => r.abort());
    await page.goto(`${host.url.split('#')[0]}#/board`);
    await expect(page.getByTestId('screen-failed')).toBeVisible();
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      found.push(...(await violations(page, `a screen that failed to load ${scheme}`)));
    }
    expect(found).toEqual([]);
  });

  test('the lock screen with a PIN (a wrong PIN refused, someone else signing in), in dark and light; focus on screen after unlocking', async ({ page, host }) => {
    test.setTimeout(300_000);
    // The page's own clock, so minutes of idleness pass at once.
    await page.clock.install();
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await setPinAndIdleLock(page, host.url, 'Dana Duty', '4821');
    const found: string[] = [];
    const lock = page.getByTestId('lock-screen');
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      await page.clock.fastForward('02:30');
      await expect(lock.getByTestId('unlock-pin')).toBeVisible();
      found.push(...(await violations(page, `lock screen ${scheme}`)));
      await lock.getByTestId('unlock-pin').fill('1111');
      await lock.getByRole('button', { name: 'Unlock as Dana Duty' }).click();
      await expect(lock.getByRole('alert')).toHaveText("That is not Dana Duty's PIN");
      await lock.getByTestId('lock-switch').click();
      await expect(lock.getByLabel('Your name')).toBeVisible();
      found.push(...(await violations(page, `lock screen, PIN refused, sign-in open ${scheme}`)));
      await lock.getByTestId('unlock-pin').fill('4821');
      await lock.getByRole('button', { name: 'Unlock as Dana Duty' }).click();
      await expect(lock).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => !!document.activeElement && document.activeElement !== document.body), { message: 'focus after unlocking' }).toBe(true);
    }
    expect(found).toEqual([]);
  });

  test('the confirmation before restoring a backup, in dark and light: no violation, and focus back on its Restore button after Esc and after Cancel', async ({ page, host }) => {
    test.setTimeout(240_000);
    await loadDemoAt(page, host.url, 'settings');
    const backups = page.getByTestId('backups-panel');
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByText('Verified').first()).toBeVisible({ timeout: 30_000 });
    const { found, soft } = gathered();
    const restore = { name: 'restore a backup (confirmation)', path: '/settings', opener: (p: Page) => p.getByTestId('backups-panel').getByRole('button', { name: /^Restore the backup of / }).first() };
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      await soft(`${restore.name} ${scheme}`, () => checkDialog(page, host.url, restore, scheme, found));
    }
    expect(found).toEqual([]);
  });

  test('the restore screen of an unreadable data file, in dark and light', async ({ page }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-'));
    fs.writeFileSync(path.join(dataDir, 'eoc.sqlite'), '');
    const host = await startHost(dataDir);
    const found: string[] = [];
    try {
      for (const scheme of ['dark', 'light'] as const) {
        await page.addInitScript((s) => localStorage.setItem('eoc.color-scheme', s), scheme);
        await page.goto(host.url);
        await waitForScreen(page, 'restore');
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        await expect(page.getByRole('alert').first()).toContainText('The data file is empty');
        found.push(...(await violations(page, `restore ${scheme}`)));
        // A file that cannot be restored is refused in words.
        await page.getByLabel('Full path of the file').fill(path.join(dataDir, 'eoc.sqlite'));
        await page.getByRole('button', { name: 'Check and restore' }).click();
        await expect(page.getByTestId('restore-file-panel').getByRole('alert')).toContainText('It cannot be restored');
        found.push(...(await violations(page, `restore refused ${scheme}`)));
      }
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(found).toEqual([]);
  });
});
