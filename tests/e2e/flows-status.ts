import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures/host';

/** By keyboard: Alt+Shift+S, the facility found by typing its name, Enter. Its status form, the focus in its first field. */
export async function openStatusEntry(page: Page, facility: string, fullName: string): Promise<Locator> {
  await page.keyboard.press('Alt+Shift+S');
  await expect(page.getByTestId('facility-search')).toBeFocused();
  await page.keyboard.type(facility);
  await page.keyboard.press('Enter');
  const form = page.getByTestId('status-entry');
  await expect(form).toHaveAttribute('data-facility', fullName);
  await expect(form.getByLabel('Reported by (at the facility)')).toBeFocused();
  return form;
}

/** The status grid (Alt+Shift+S, its tab), once its rows are shown. */
export async function openStatusGrid(page: Page): Promise<{ grid: Locator; rows: Locator }> {
  await page.keyboard.press('Alt+Shift+S');
  await page.getByRole('tab', { name: 'Grid' }).click();
  const grid = page.getByTestId('status-grid');
  const rows = grid.getByTestId('grid-row');
  await expect(rows.first()).toBeVisible();
  return { grid, rows };
}
