import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForScreen } from './fixtures/host';
import { completeSetup, signIn } from './flows';
import { loadDemoAndSignIn } from './flows-resources';

/** Every screen of the rail, by address, with what marks it loaded. */
const SCREENS = ['/', '/incidents', '/log', '/timeline', '/decisions', '/messages', '/board', '/requests', '/requests?view=charts', '/inventory', '/directory', '/aar', '/exercises', '/map', '/settings'];

/** WCAG 2.2 A and AA, and the 2.0/2.1 rules they include. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page, where: string): Promise<string[]> {
  // Nothing is checked mid-load: the console marks screens ready with data-ready.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function setTheme(page: Page, scheme: 'dark' | 'light') {
  const current = await page.locator('html').getAttribute('data-mantine-color-scheme');
  if (current !== scheme) await page.keyboard.press('Control+Shift+L');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}

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
});
