import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { loadDemoAndSignIn } from './flows-resources';

/** The texts of the cells (and the badges in them) drawn narrower than their words: cut at the edge. */
const cut = (cells: Locator) =>
  cells.evaluateAll((els) =>
    els.flatMap((td) => [td, ...td.querySelectorAll<HTMLElement>('.mantine-Badge-label')]).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
  );

test.beforeEach(async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await loadDemoAndSignIn(page);
});

/**
 * The lists an operator scans at 1280, read whole: a time without its day, a badge without its
 * last letter, a role cut at a slash or a message without its addressee is a word misread.
 */
test('the decision log, the messages and the request board at 1280 show every cell whole; a message says who to whom', async ({ page }) => {

  await page.keyboard.press('Alt+5');
  const decisions = page.getByTestId('decision-list').locator('tbody td');
  await expect(decisions.first()).toContainText(/\d\d:\d\d\s*[A-Z]{3,4} · \d\d [A-Z][a-z]{2}/);
  await expect(page.getByTestId('decision-list')).toContainText('Superseded');
  // Whether alternatives were weighed shows in the list, before a decision is opened.
  await expect(page.getByTestId('decision-list').getByRole('row').filter({ hasText: 'revised for two tankers' })).toContainText('2 options considered');
  expect(await cut(decisions)).toEqual([]);

  await page.keyboard.press('Alt+0');
  const messages = page.getByTestId('message-list').locator('tbody td');
  await expect(messages.first()).toContainText(/\d\d:\d\d\s*[A-Z]{3,4} · \d\d [A-Z][a-z]{2}/);
  expect(await cut(messages)).toEqual([]);
  // Who to whom, both names in sight (their positions are in the form beside).
  const parties = page.getByTestId('message-parties');
  await expect(parties.first()).toHaveText(/^[^()]+ → [^()]+$/);
  expect(await parties.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent))).toEqual([]);

  await page.keyboard.press('Alt+6');
  const board = page.getByTestId('request-board').locator('tbody td');
  await expect(page.getByTestId('request-board')).toContainText('Finance/Administration');
  await expect(page.getByTestId('request-board')).toContainText('Routine');
  expect(await cut(board)).toEqual([]);
});

test('the map’s list of what is in view shows each name whole at 1280, on two lines where it needs them', async ({ page }) => {
  await page.keyboard.press('Alt+Shift+M');
  const labels = page.getByTestId('map-list-item').locator('.eoc-map-list-label');
  await expect(labels.filter({ hasText: 'Pioneer Valley & Berkshires Health Care Coalition (demo)' })).toHaveCount(1);
  const cutNames = await labels.evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
  );
  expect(cutNames).toEqual([]);
});

test('a call-down at 1280 gives each contact’s name its width: the call buttons go on two lines, not the name on five', async ({ page }) => {
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('tab', { name: 'Call-down' }).click();
  const rows = page.getByTestId('to-reach').getByTestId('calldown-target');
  await expect(rows.first()).toBeVisible();
  // Per row: how many lines the contact's name takes (its height over its line height), and the row's height.
  const sizes = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const name = tr.querySelector('td p')!;
      return { nameLines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)), height: tr.getBoundingClientRect().height, text: tr.textContent };
    }),
  );
  expect(sizes.length).toBeGreaterThan(3);
  // Each name on one line (it took two, a word a line), each row under 110 px (it took 200).
  expect(sizes.filter((s) => s.nameLines !== 1 || s.height > 110)).toEqual([]);
  await expect(rows.first().getByTestId('calldown-attempts')).toHaveText(/\d\d:\d\d (Left voicemail|No answer|Wrong number)/);
});
