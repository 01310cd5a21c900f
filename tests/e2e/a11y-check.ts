import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, waitForScreen } from './fixtures/host';
import type { DialogCase } from './a11y-dialogs';

// The accessibility check's own steps (axe-core with WCAG 2.2 A/AA, the theme switch, a dialog
// opened, checked and closed with focus back on its opener), shared by every spec that checks
// a screen or dialog only it can reach (two enrolled workstations, a backup taken).

/** WCAG 2.2 A and AA, and the 2.0/2.1 rules they include. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function violations(page: Page, where: string, only?: string): Promise<string[]> {
  // Nothing is checked mid-load: the console marks screens ready with data-ready.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  const axe = new AxeBuilder({ page }).withTags(TAGS);
  // A dialog alone: the screen under it is checked on its own, and the whole page is slow to scan.
  if (only) axe.include(only);
  const r = await axe.analyze();
  return r.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function setTheme(page: Page, scheme: 'dark' | 'light') {
  const current = await page.locator('html').getAttribute('data-mantine-color-scheme');
  if (current !== scheme) await page.keyboard.press('Control+Shift+L');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}


/** Problems are gathered, not thrown one by one, so one run names every dialog or state that fails. */
export function gathered() {
  const found: string[] = [];
  const soft = async (what: string, check: () => Promise<unknown>) => {
    try {
      await check();
    } catch (e) {
      found.push(`${what}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  return { found, soft };
}

/** Opens a dialog, checks it, closes it with Esc and (where it has one) with Cancel; focus must come back. */
export async function checkDialog(page: Page, url: string, c: DialogCase, scheme: string, found: string[]) {
  await page.goto(`${url.split('#')[0]}#${c.path}`);
  await waitForScreen(page, 'console');
  await c.before?.(page);
  if (process.env.A11Y_TRACE) console.log(new Date().toISOString(), c.name, scheme);
  const opener = c.opener(page);
  const dialog = page.getByRole('dialog');
  const closes: ['Esc' | 'Cancel', (d: Locator) => Promise<void>][] = [['Esc', () => page.keyboard.press('Escape')]];
  if (c.cancel !== null) closes.push(['Cancel', (d) => d.getByRole('button', { name: c.cancel ?? 'Cancel', exact: true }).last().click({ timeout: 10_000 })]);
  for (const [how, close] of closes) {
    await opener.focus({ timeout: 10_000 });
    await opener.click({ timeout: 10_000 });
    await expect(dialog.last()).toBeVisible({ timeout: 10_000 });
    if (how === 'Esc') {
      found.push(...(await violations(page, `${c.name} ${scheme}`, '[role="dialog"]')));
      if (c.refuse) {
        await dialog.last().locator('button[type="submit"]').last().click({ timeout: 10_000 });
        await expect(dialog.last().locator('[aria-invalid="true"], [role="alert"]').first()).toBeVisible();
        found.push(...(await violations(page, `${c.name} refused ${scheme}`, '[role="dialog"]')));
      }
    }
    await close(dialog.last());
    await expect(dialog).toHaveCount(0, { timeout: 5_000 });
    if ((c.focusBack ?? 'opener') === 'opener') await expect(opener, `focus back on the opener after ${how}`).toBeFocused({ timeout: 3_000 });
    else await expect.poll(() => page.evaluate(() => !!document.activeElement && document.activeElement !== document.body), { message: `focus on screen after ${how}`, timeout: 3_000 }).toBe(true);
  }
}
