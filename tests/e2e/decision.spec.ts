import { expect, test } from './fixtures/host';
import { loadDemoAndSignIn } from './flows-resources';
import { setTheme, violations } from './a11y-check';

/**
 * A decision typed by keyboard alone, as a section chief does in a loud room: the focus is
 * looked at after each key that moves it. Three options took 12 Tabs, a Space and an Enter
 * (each row was radio, text, remove, and the third came by "Add an option"); now Tab, Enter,
 * Enter, then Tab to the option taken and an arrow.
 */

test('a decision with three options by keyboard: the texts in a row by Enter, the option taken one Tab stop chosen with the arrows, Ctrl+Enter saves', async ({ page, host }) => {
  await page.goto(host.url);
  await loadDemoAndSignIn(page);
  const k = page.keyboard;
  await k.press('Control+Shift+D');
  const d = page.getByTestId('decision-form');
  const option = (n: number) => d.getByRole('textbox', { name: `Option ${n}`, exact: true });
  await expect(d.getByRole('textbox', { name: /^Title/ })).toBeFocused();
  await k.type('Open the Holyoke warming centre');
  await k.press('Tab');
  await expect(d.getByRole('textbox', { name: /^Decision/ })).toBeFocused();
  await k.type('Open it at the senior center from 18:00');

  // The first option's text is next, and Enter goes from one option to the next.
  await k.press('Tab');
  await expect(option(1)).toBeFocused();
  await k.type('Senior center');
  await k.press('Enter');
  await expect(option(2)).toBeFocused();
  await k.type('High school gym');
  // After the last option Enter adds one; the form is not sent.
  await k.press('Enter');
  await expect(option(3)).toBeFocused();
  await k.type('No warming centre');
  await k.press('Enter');
  await expect(option(4)).toBeFocused();
  // One too many: Backspace in the empty option removes it, back to the end of the one above.
  await k.press('Backspace');
  await expect(option(4)).toHaveCount(0);
  await expect(option(3)).toBeFocused();
  expect(await option(3).evaluate((e: HTMLInputElement) => [e.selectionStart, e.value.length])).toEqual([17, 17]);

  // The option taken: one Tab stop, the arrows choose.
  await k.press('Tab');
  await expect(d.getByRole('radio', { name: 'Option 1 was taken' })).toBeFocused();
  await k.press('ArrowDown');
  await expect(d.getByRole('radio', { name: 'Option 2 was taken' })).toBeFocused();
  await expect(d.getByRole('radio', { name: 'Option 2 was taken' })).toBeChecked();
  await k.press('Tab');
  await expect(d.getByRole('button', { name: 'Add an option' })).toBeFocused();
  await k.press('Tab');
  await expect(d.getByRole('textbox', { name: /^Rationale/ })).toBeFocused();
  await k.type('Power out in Holyoke for 20 hours; the senior center has a generator');
  await k.press('Tab');
  await expect(d.getByRole('combobox', { name: /^Authority/ })).toBeFocused();
  await k.type('CONOPS 4.2');
  await k.press('Control+Enter');
  await expect(d).toBeHidden();

  const view = page.getByTestId('decision-view');
  await expect(view).toContainText('Open the Holyoke warming centre');
  // The option taken stands out and the others read as not taken, in words and in weight and colour.
  const options = view.getByTestId('decision-option');
  await expect(options.getByTestId('decision-option-text')).toHaveText(['Senior center', 'High school gym', 'No warming centre']);
  await expect(options.getByTestId('decision-option-mark')).toHaveText(['Not taken', 'Chosen', 'Not taken']);
  const look = (n: number) => options.nth(n).getByTestId('decision-option-text').evaluate((e) => [getComputedStyle(e).fontWeight, getComputedStyle(e).color]);
  const [chosen, notTaken] = [await look(1), await look(0)];
  expect(Number(chosen[0])).toBeGreaterThan(Number(notTaken[0]));
  expect(chosen[1]).not.toBe(notTaken[1]);
  expect(await look(2)).toEqual(notTaken);
  // Dimmer, and still readable (WCAG AA contrast), in both themes.
  for (const scheme of ['dark', 'light'] as const) {
    await setTheme(page, scheme);
    expect(await violations(page, `decision view ${scheme}`, '[data-testid="decision-view"]')).toEqual([]);
  }
});
