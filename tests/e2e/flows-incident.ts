import type { Page } from '@playwright/test';
import { expect } from './fixtures/host';

export const ZONE = 'America/New_York';

/** "HH:MM" in the coalition's zone, `minutesAgo` before now: what an operator types. */
export function wallTimeAgo(minutesAgo: number, timeZone = ZONE): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(new Date(Date.now() - minutesAgo * 60_000));
}

export async function goTo(page: Page, keys: string, testId: string): Promise<void> {
  await page.keyboard.press(keys);
  await expect(page.getByTestId(testId)).toBeVisible();
}

/** New incident from a template, period 1 left to open by hand, made active here. */
export async function createIncidentFromTemplate(
  page: Page,
  o: { name: string; template: string; exercise: boolean; startedMinutesAgo?: number; openPeriod?: boolean },
): Promise<void> {
  await goTo(page, 'Alt+2', 'incidents-screen');
  await page.getByTestId('new-incident').click();
  const form = page.getByTestId('create-incident-form');
  await form.getByLabel(o.exercise ? /An exercise or drill/ : /A real incident/).check();
  await form.getByLabel('Start from').click();
  await page.getByRole('option', { name: new RegExp(o.template) }).click();
  await expect(form.getByTestId('template-preview')).toBeVisible();
  await form.getByLabel(/Incident name/).fill(o.name);
  if (o.startedMinutesAgo) await form.getByLabel(/Started at/).fill(wallTimeAgo(o.startedMinutesAgo));
  if (o.openPeriod === false) await form.getByLabel(/Open operational period 1 now/).uncheck();
  await form.getByTestId('create-incident').click();
  await expect(page.getByTestId('incident-name')).toHaveText(o.name);
  await expect(page.getByTestId('topbar-incident')).toHaveText(o.name);
}

export async function openNextPeriod(page: Page, number: number): Promise<void> {
  const form = page.getByTestId('open-period-form');
  await expect(form).toContainText(`Open operational period ${number}`);
  await form.getByTestId('open-period').click();
  await expect(page.getByTestId('period-title')).toHaveText(`Operational period ${number}`);
  await expect(page.getByTestId('topbar-period')).toContainText(`Period ${number} ·`);
}

export async function staffPosition(page: Page, position: string, holder: string): Promise<void> {
  const row = page.getByTestId('staff-row').filter({ hasText: position });
  await row.getByRole('button', { name: `Assign ${position}` }).click();
  await row.getByLabel(`Holder of ${position}`).fill(holder);
  await row.getByLabel(`Holder of ${position}`).press('Enter');
  await expect(row).toContainText(holder);
}

/**
 * One activity log entry by keyboard only: Ctrl+L, the text, Tab to the category and
 * type to pick it, Tab to "came by", Tab to the time, Enter saves.
 */
export async function quickLog(page: Page, text: string, o: { category?: string; source?: string; at?: string } = {}): Promise<void> {
  await page.keyboard.press('Control+L');
  const form = page.getByTestId('quick-entry-form');
  await expect(form.getByLabel('What happened')).toBeFocused();
  await page.keyboard.type(text);
  if (o.category || o.source || o.at) {
    await page.keyboard.press('Tab');
    if (o.category) await page.keyboard.type(o.category);
    await page.keyboard.press('Tab');
    if (o.source) await page.keyboard.type(o.source);
    await page.keyboard.press('Tab');
    if (o.at) await page.keyboard.type(o.at);
  }
  if (o.category) await expect(form.getByLabel(/^Category/)).toHaveValue(new RegExp(`^${o.category}`));
  if (o.source || o.at) await expect(form.getByTestId('quick-entry-mark')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
}

/** A row of the activity log: the focusable list item, so Enter opens it. */
export function logRow(page: Page, text: string | RegExp) {
  return page.getByTestId('log-list').getByRole('listitem').filter({ hasText: text });
}
