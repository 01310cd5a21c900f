import type { Locator, Page } from '@playwright/test';
import { expect, waitForScreen } from './fixtures/host';
import { signIn } from './flows';

/** First run with the demonstration coalition, then on duty as the coalition duty officer (every 213RR role). */
export async function loadDemoAndSignIn(page: Page, name = 'Dana Duty'): Promise<void> {
  await waitForScreen(page, 'setup');
  await page.getByLabel('Workstation name (optional)').fill('DEMO-EOC-1');
  await page.getByRole('button', { name: 'Load the demonstration coalition' }).click();
  await signIn(page, name, 'Coalition Duty Officer');
  await expect(page.getByTestId('demo-marker')).toHaveText('DEMO DATA');
}

/** The demonstration coalition loaded and signed in, then the screen at `route` ("inventory", "settings"). */
export async function loadDemoAt(page: Page, url: string, route: string): Promise<void> {
  await page.goto(url);
  await loadDemoAndSignIn(page);
  await page.goto(`${url.split('#')[0]}#/${route}`);
  await waitForScreen(page, 'console');
}

/** Picks the first option of a searchable Select after typing into it. */
export async function pick(page: Page, scope: Page | Locator, label: string, typed: string): Promise<string> {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(typed);
  const option = page.getByRole('option').filter({ hasText: typed }).first();
  const text = (await option.textContent()) ?? '';
  await option.click();
  return text;
}

export interface NewRequest {
  organisation: string;
  quantity: number;
  kind: string;
  description: string;
  urgent?: boolean;
}

/** The requestor section of the ICS 213RR, saved as a draft; returns its number (block 3). */
export async function createRequest(page: Page, r: NewRequest): Promise<string> {
  await page.keyboard.press('Alt+6');
  await page.getByTestId('new-request').click();
  const form = page.getByTestId('request-form');
  await expect(form).toBeVisible();
  await expect(form.getByRole('combobox', { name: '1. Incident name' })).not.toHaveValue('');
  // The incident is filled in, so typing starts at the first quantity.
  await expect(form.getByLabel('Line 1 quantity')).toBeFocused();
  await form.getByLabel('Line 1 quantity').fill(String(r.quantity));
  await form.getByLabel('Line 1 kind').fill(r.kind);
  await form.getByLabel('Line 1 description').fill(r.description);
  await pick(page, form, 'Requesting organisation', r.organisation);
  await form.getByLabel(/^Name/).fill('Pat Perez');
  await form.getByLabel(/^Position/).fill('Director of Nursing');
  if (r.urgent) await form.getByText('Urgent', { exact: true }).click();
  await expect(form.getByLabel('5. Requested delivery/reporting location')).not.toHaveValue('');
  await page.getByTestId('save-request').click();
  const detail = page.getByTestId('request-detail');
  await expect(detail).toHaveAttribute('data-status', 'draft');
  return (await page.getByTestId('request-number').textContent())!.trim();
}

/** One step through the generic step form; waits for the status the state machine leads to. */
export async function step(page: Page, action: string, status: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('step-form')).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByTestId('step-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', status);
}

/** Logistics fills part of line 1 from one source; returns the option chosen, in words. */
export async function sourceLine(page: Page, source: 'Inventory' | 'Member', quantity: number, typed: string): Promise<string> {
  await page.getByTestId('action-source').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('source-form')).toBeVisible();
  await dialog.getByText(source, { exact: true }).click();
  const chosen = await pick(page, dialog, source === 'Inventory' ? 'Inventory holding' : 'Member organisation', typed);
  await dialog.getByLabel('Quantity').fill(String(quantity));
  await dialog.getByLabel('10. Logistics order number').fill(`ORD-${source.toUpperCase()}-1`);
  await dialog.getByTestId('source-submit').click();
  await expect(dialog).toBeHidden();
  return chosen;
}

/** Number in a cell such as "1,200". */
export const num = async (l: Locator) => Number(((await l.textContent()) ?? '').replace(/[^\d]/g, ''));

/** The board row of one request, on the open board. */
export async function openBoard(page: Page, view: 'Board' | 'Charts' = 'Board'): Promise<void> {
  await page.keyboard.press('Alt+6');
  const back = page.getByRole('button', { name: 'Board', exact: true });
  const tabs = page.getByTestId('requests-screen');
  await expect(back.or(tabs)).toBeVisible();
  if (await back.isVisible()) await back.click();
  await page.getByRole('tab', { name: view }).click();
}

export async function boardRow(page: Page, number: string): Promise<Locator> {
  await openBoard(page);
  await expect(page.getByTestId('request-board')).toBeVisible();
  return page.locator(`[data-testid="board-row"][data-number="${number}"]`);
}

/** Opens a request from the board with one click on its row. */
export async function openFromBoard(page: Page, number: string): Promise<void> {
  const row = await boardRow(page, number);
  await row.click();
  await expect(page.getByTestId('request-number')).toHaveText(number);
}

/** The inventory row of one holding, found by its name. */
export async function inventoryRow(page: Page, name: string): Promise<Locator> {
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('inventory-screen')).toBeVisible();
  await page.getByLabel('Search').fill(name);
  const row = page.locator('[data-testid="inventory-row"]').filter({ has: page.getByText(name, { exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** Quantity filled from one source on the incident's fill-rate chart (0 when absent). */
export async function filledFrom(page: Page, source: string): Promise<number> {
  await openBoard(page, 'Charts');
  await expect(page.getByTestId('request-charts')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('chart-fill-rate').locator('svg.recharts-surface').first()).toBeVisible();
  const row = page.locator(`[data-testid="fill-rate-table"] tr[data-source="${source}"]`);
  if ((await row.count()) === 0) return 0;
  // The chart counts lines' worth and fills per source, never a sum of unlike units: read the fills.
  return num(row.locator('td').nth(3));
}

export function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}
