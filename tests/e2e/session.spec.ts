import { expect, test } from './fixtures/host';
import { setPinAndIdleLock } from './flows';
import { slowBackend } from './fixtures/slow-backend';
import { loadDemoAndSignIn } from './flows-resources';

test('an idle console locks over open work; the same operator unlocks with their PIN, and someone else takes over in one step', async ({ page, host }) => {
  test.setTimeout(120_000);
  // The page's own clock, so minutes of idleness pass at once.
  await page.clock.install();
  await page.goto(host.url);
  await loadDemoAndSignIn(page);

  await setPinAndIdleLock(page, host.url, 'Dana Duty', '4821');

  // Work left open: a decision half typed.
  await page.keyboard.press('Control+Shift+D');
  const form = page.getByTestId('decision-form');
  await form.getByRole('textbox', { name: /^Decision/ }).fill('Open the alternate care site');
  await page.clock.fastForward('02:30');
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByText('Dana Duty · Coalition Duty Officer')).toBeVisible();

  // The same operator: one step, with the PIN; a wrong one is refused in words.
  await lock.getByTestId('unlock-pin').fill('1111');
  await lock.getByRole('button', { name: 'Unlock as Dana Duty' }).click();
  await expect(lock.getByRole('alert')).toHaveText("That is not Dana Duty's PIN");
  await lock.getByTestId('unlock-pin').fill('4821');
  await lock.getByRole('button', { name: 'Unlock as Dana Duty' }).click();
  await expect(lock).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: /^Decision/ })).toHaveValue('Open the alternate care site');

  // Someone else: one sign-in, and the work underneath is still there.
  await page.clock.fastForward('02:30');
  await lock.getByTestId('lock-switch').click();
  await lock.getByLabel('Your name').fill('Sam Situation');
  await lock.getByRole('combobox', { name: 'Position you are working' }).fill('Situation Unit Leader');
  await page.getByRole('option', { name: /Situation Unit Leader/ }).first().click();
  await lock.getByRole('button', { name: 'Sign in and take over' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('topbar-operator')).toHaveText('Sam Situation');
  await expect(form.getByRole('textbox', { name: /^Decision/ })).toHaveValue('Open the alternate care site');
});

test('locked while the PIN status is still on its way (a loaded machine), the focus is on Unlock once it comes', async ({ page, host }) => {
  await slowBackend(page, { 'session.pinStatus': 1500 });
  await page.goto(host.url);
  await loadDemoAndSignIn(page);
  await page.keyboard.press('Alt+Shift+L');
  const unlock = page.getByRole('button', { name: /^Unlock as Dana Duty/ });
  await expect(unlock).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
});
