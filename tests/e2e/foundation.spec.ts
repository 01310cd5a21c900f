import { COALITION, completeSetup, signIn } from './flows';
import { expect, test, waitForScreen } from './fixtures/host';
import type { Page } from '@playwright/test';

/** Settings, This workstation: who signed in here, backups, exports (the former Overview). */
async function openWorkstationActivity(page: Page): Promise<void> {
  await page.keyboard.press('Alt+9');
  await page.getByTestId('workstation-tab').click();
  await expect(page.getByTestId('overview-screen')).toBeVisible();
}

test.describe('first run, sign-in and the shell', () => {
  test('sets up an empty store, signs in, and shows who is on duty', async ({ page, host }) => {
    await page.goto(host.url);
    await completeSetup(page);
    // Sign-in by keyboard alone: part of a position's name and Enter takes the first position
    // found; Enter again signs in.
    await expect(page.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Dana Duty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Duty Officer');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Position you are working' })).toHaveValue('Coalition Duty Officer (HCCDO)');
    // Tab from the position goes to Sign in, not to "Position not listed?".
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'console');
    // Focus is in the console, not lost on the page body.
    await expect(page.locator('main')).toBeFocused();
    await expect(page.getByTestId('topbar-operator')).toHaveText('Dana Duty');
    await expect(page.getByTestId('topbar-coalition')).toHaveText(COALITION.name);
    await expect(page.getByTestId('topbar-position')).toHaveText('Coalition Duty Officer');
    await expect(page.getByTestId('topbar-incident')).toHaveText('No active incident');
    await expect(page.getByTestId('clock')).toContainText(/\d\d:\d\d:\d\d (EST|EDT)/);
    await expect(page.getByTestId('clock')).toContainText(/\d\d:\d\dZ/);
    // The console opens on the situation board; this workstation's own activity is under Settings.
    await expect(page.getByTestId('situation-board')).toBeVisible();
    await openWorkstationActivity(page);
    await expect(page.getByTestId('audit-table')).toContainText('Dana Duty signed in as Coalition Duty Officer');
    // The token left the address bar once it was kept for the tab.
    expect(page.url()).not.toContain('token=');
  });

  test('shows the first screen as its first render when the answers came while the start script loaded, its chunk fetched beside that script', async ({
    page,
    host,
  }) => {
    // Every screen the Gate has shown, in order (it names it on the body).
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      new MutationObserver(() => {
        const s = document.body?.dataset.screen;
        if (s && shown.at(-1) !== s) shown.push(s);
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-screen'] });
    });
    // The start script is held until the first run screen's chunk has been asked for (named in
    // the HTML, it is fetched beside the script) and the boot script has its three answers.
    const screenChunk = page.waitForRequest(/\/assets\/SetupScreen-[^/]*\.js$/);
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await screenChunk;
      await page.waitForFunction(() => performance.getEntriesByName('eoc:first-data').length > 0);
      await route.continue();
    });
    await page.goto(host.url);
    await waitForScreen(page, 'setup');
    // Never "Opening the console…" first: the answers were here, so was the chunk.
    expect(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toEqual(['setup']);
    await expect(page.getByText('Opening the console…')).toHaveCount(0);
    await completeSetup(page);
  });

  test('refuses an empty setup form with messages beside the fields, and stays on setup', async ({ page, host }) => {
    await page.goto(host.url);
    await waitForScreen(page, 'setup');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByText('Coalition name is required')).toBeVisible();
    await expect(page.getByText('Workstation name is required')).toBeVisible();
    await page.reload();
    await waitForScreen(page, 'setup');
  });

  test('navigates by keyboard, opens the command palette, and switches theme', async ({ page, host }) => {
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Sam Sit', 'Situation Unit Leader');
    await page.keyboard.press('Alt+9');
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('situation-board')).toBeVisible();
    await page.keyboard.press('Control+K');
    await expect(page.getByRole('textbox', { name: 'Command' })).toBeFocused();
    await page.keyboard.type('settings');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    const html = page.locator('html');
    const before = await html.getAttribute('data-mantine-color-scheme');
    await page.getByTestId('theme-toggle').click();
    await expect(html).not.toHaveAttribute('data-mantine-color-scheme', before ?? '');
    await page.keyboard.press('Control+Shift+L');
    await expect(html).toHaveAttribute('data-mantine-color-scheme', before ?? '');
  });

  test('switches operator in one action', async ({ page, host }) => {
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.getByTestId('operator-menu').click();
    await page.getByTestId('sign-out').click();
    await signIn(page, 'Lee Logistics', 'Logistics Section Chief');
    await openWorkstationActivity(page);
    await expect(page.getByTestId('audit-table')).toContainText('Dana Duty (Coalition Duty Officer) signed out');
  });

  test('takes a verified backup and finds the record chains intact', async ({ page, host }) => {
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.keyboard.press('Alt+9');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByTestId('backups-panel')).toContainText('Verified');
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect(page.getByTestId('integrity-result')).toHaveText('Chains intact');
  });

  test('explains an unknown address and a screen that fails, in words, and the rest keeps working', async ({
    page,
    host,
  }) => {
    // The events board's code fails to load (as a damaged install would): that screen says so,
    // the rest of the console is untouched.
    await page.route(/\/assets\/BoardScreen-[^/]*\.js$/, (r) => r.abort());
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.evaluate(() => (window.location.hash = '#/no-such-place'));
    await expect(page.getByTestId('not-found')).toContainText('No such screen');
    await page.getByRole('link', { name: 'Go to the situation board' }).click();
    await expect(page.getByTestId('situation-board')).toBeVisible();

    await page.keyboard.press('Control+Shift+B');
    await expect(page.getByTestId('screen-failed')).toContainText('This screen stopped working');
    await expect(page.getByTestId('topbar-coalition')).toHaveText(COALITION.name);
    await page.keyboard.press('Alt+9');
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    await expect(page.getByTestId('screen-failed')).toHaveCount(0);

    // Once the file is there again, reloading brings the screen back, still signed in.
    await page.keyboard.press('Control+Shift+B');
    // Failed again (leaving the screen forgot the failure, so it was fetched again) before the
    // file comes back: unrouted any sooner, a slow page fetched it fine and no Reload was offered.
    await expect(page.getByTestId('screen-failed')).toContainText('This screen stopped working');
    await page.unroute(/\/assets\/BoardScreen-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Reload the console' }).click();
    await expect(page.getByRole('heading', { name: 'Significant events' })).toBeVisible();
    await expect(page.getByTestId('screen-failed')).toHaveCount(0);
    await expect(page.getByTestId('topbar-operator')).toHaveText('Dana Duty');
  });

  test('refuses a WebSocket without the token', async ({ page, host }) => {
    await page.goto(host.url.replace(/\?token=.*/, ''));
    const result = await page.evaluate(
      (u) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(u);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      host.url.replace('http', 'ws').replace(/\/\?token=.*/, '/ws?token=wrong'),
    );
    expect(result).toBe('refused');
  });
});
