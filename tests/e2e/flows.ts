import type { Page } from '@playwright/test';
import { expect, waitForScreen } from './fixtures/host';

export const COALITION = {
  name: 'Pioneer Valley Health Care Coalition',
  region: 'Massachusetts Region 1',
  timeZone: 'America/New_York',
  workstation: 'EOC-1',
};

/** First-run setup through the form, by keyboard where a person would use it. */
export async function completeSetup(page: Page, c = COALITION): Promise<void> {
  await waitForScreen(page, 'setup');
  await page.getByLabel('Coalition name').fill(c.name);
  await page.getByLabel('Region').fill(c.region);
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  // Typed and Tab, as a person at the keyboard does: the zone typed is the zone kept.
  await zone.fill(c.timeZone);
  await page.keyboard.press('Tab');
  await expect(zone).toHaveValue(c.timeZone);
  await expect(page.getByLabel("This workstation's name")).toBeFocused();
  await page.getByLabel("This workstation's name").fill(c.workstation);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await waitForScreen(page, 'sign-in');
}

export async function signIn(page: Page, name: string, position: string): Promise<void> {
  await waitForScreen(page, 'sign-in');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('combobox', { name: 'Position you are working' }).fill(position);
  await page.getByRole('option', { name: new RegExp(position) }).first().click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForScreen(page, 'console');
  await expect(page.getByTestId('topbar-operator')).toHaveText(name);
}

/**
 * Settings: the signed-in operator sets a PIN and the console locks after 2 minutes idle.
 * Returns once the choice is saved (the field shows the stored setting), so idleness counts.
 */
export async function setPinAndIdleLock(page: Page, url: string, operator: string, pin: string): Promise<void> {
  await page.goto(`${url.split('#')[0]}#/settings`);
  await waitForScreen(page, 'console');
  const panel = page.getByTestId('lock-panel');
  await panel.getByTestId('new-pin').fill(pin);
  await panel.getByRole('button', { name: 'Set PIN' }).click();
  await expect(panel.getByText(`${operator} has a PIN`)).toBeVisible();
  const lockAfter = panel.getByRole('combobox', { name: /^Lock this console/ });
  await lockAfter.click();
  await page.getByRole('option', { name: 'After 2 minutes without a key or click' }).click();
  await expect(lockAfter).toHaveValue('After 2 minutes without a key or click');
}
