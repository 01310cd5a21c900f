import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { slowBackend } from './fixtures/slow-backend';
import { loadDemoAndSignIn } from './flows-resources';
import { openStatusEntry, openStatusGrid } from './flows-status';
import { setTheme, violations } from './a11y-check';
import { earlierThanNow, wallTimeIn } from './wall-clock';

/** Tab forward, by keyboard only, until the field for this status type code has the focus. */
async function tabTo(page: Page, code: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.typeCode)) === code) return;
  }
  throw new Error(`No field for ${code} within 80 tabs`);
}

const condition = (page: Page, words: string) => page.locator(`[data-testid="condition"][data-words="${words}"]`);

/**
 * How the wall display sits in its window: the page's height and width beside the
 * window's, and every part of a panel that sticks out of the panel at the side (a table
 * column cut off) or out of the window.
 */
const wallFit = (page: Page) =>
  page.evaluate(() => {
    const sideways: string[] = [];
    for (const panel of document.querySelectorAll<HTMLElement>('[data-testid="situation-board"] [data-testid^="sit-"]')) {
      const p = panel.getBoundingClientRect();
      if (p.right > innerWidth + 1 || p.left < -1) sideways.push(`${panel.dataset.testid} outside the window`);
      for (const e of panel.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && (r.right > p.right + 1 || r.left < p.left - 1)) sideways.push(`${panel.dataset.testid}: ${(e.textContent ?? '').slice(0, 40)}`);
      }
    }
    const el = document.documentElement;
    return { scrolls: el.scrollHeight > innerHeight, widerThanWindow: el.scrollWidth > innerWidth, sideways: [...new Set(sideways)] };
  });
const fontPx = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e.querySelector('.mantine-Badge-label') ?? e).fontSize));

test.describe('facility status (EEI)', () => {
  test('a phoned-in hospital status is entered by keyboard only; an implausible value is confirmed with a reason; the wall display on a second page updates without reload', async ({ page, host, context }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);

    // The wall display, on a second page: no rail, no top bar, large type, live.
    const wall = await context.newPage();
    await wall.setViewportSize({ width: 1920, height: 1080 }); // the usual wall screen
    await wall.goto(`${host.url.replace(/\?token=.*/, '')}?token=${new URL(host.url).searchParams.get('token')}#/situation?wall=1`);
    await expect(wall.getByTestId('situation-board')).toHaveAttribute('data-wall', 'true');
    await expect(wall.getByTestId('situation-board')).toHaveAttribute('data-ready', 'true');
    await expect(wall.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
    await expect(condition(wall, 'On diversion')).toHaveAttribute('data-count', '1');
    // A hospital that stopped reporting reads STALE, in words.
    await expect(condition(wall, 'On diversion')).toContainText('(STALE)');

    // Page one: Alt+Shift+S, find the hospital by typing, Enter, type only what changed.
    const form = await openStatusEntry(page, 'Apple Orchard', 'Apple Orchard Community Hospital');
    await expect(form).toContainText(/was \d+ beds?, .* ago/);
    await page.keyboard.type('Pat Nurse, house supervisor');
    await tabTo(page, 'ed.ems_traffic');
    await page.keyboard.type('On');
    await expect(form.locator('[data-type-code="ed.ems_traffic"]')).toHaveValue('diversion');
    await page.keyboard.press('Tab');
    await page.keyboard.type('CT scanner down, ED boarding');
    await tabTo(page, 'beds.adult_icu.available');
    await page.keyboard.type('140');
    // The diversion's expiry typed as a bare time already past today: it is tomorrow's, and
    // the form says the full date it read before anything is saved.
    const expiry = earlierThanNow();
    const until = form.locator('[data-type-code="ed.diversion_until"]');
    await until.fill(expiry.typed);
    await expect(until).toHaveAccessibleDescription(new RegExp(`^Read as ${expiry.means} E[SD]T`));
    await page.keyboard.press('Control+Enter');

    // Above baseline and a jump: flagged in words, kept only with a reason.
    const flags = form.getByTestId('status-flags');
    await expect(flags).toContainText('is more than the baseline');
    await expect(flags).toContainText('more than 50% in one report');
    await expect(flags.getByTestId('flag-reason').first()).toBeFocused();
    await page.keyboard.type('Surge tents counted; confirmed twice with the caller');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Surge tents counted; confirmed twice with the caller');
    await page.keyboard.press('Control+Enter');
    // Saved; the search found only this one, so the next call starts at an empty search.
    await expect(form).toBeHidden();
    await expect(page.getByTestId('facility-search')).toBeFocused();
    await expect(page.getByTestId('facility-search')).toHaveValue('');
    // With several found, Ctrl+Enter goes on to the next one; Esc goes back to the search.
    await page.keyboard.type('General');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status-entry').getByLabel('Reported by (at the facility)')).toBeFocused();
    const first = await page.getByTestId('status-entry').getAttribute('data-facility');
    await tabTo(page, 'ops.status');
    await page.keyboard.type('N');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('status-entry')).not.toHaveAttribute('data-facility', first!);
    await expect(page.getByTestId('status-entry').getByLabel('Reported by (at the facility)')).toBeFocused();
    // Esc with something typed asks first, and the form stays; Esc again keeps the work, as in
    // every dialog, and puts the operator back where they typed; only Discard drops it.
    await page.keyboard.type('Sam Supervisor');
    await page.keyboard.press('Escape');
    const prompt = page.getByTestId('status-entry').getByTestId('discard-prompt');
    await expect(prompt).toContainText('Discard what you typed? One field holds text not saved.');
    await expect(prompt.getByTestId('keep-editing')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(prompt).toBeHidden();
    await expect(page.getByTestId('status-entry').getByLabel('Reported by (at the facility)')).toBeFocused();
    await expect(page.getByTestId('status-entry').getByLabel('Reported by (at the facility)')).toHaveValue('Sam Supervisor');
    await page.keyboard.press('Escape');
    await prompt.getByTestId('confirm-discard').click();
    await expect(page.getByTestId('facility-search')).toBeFocused();

    // The wall display followed, without a reload.
    await expect(condition(wall, 'On diversion')).toHaveAttribute('data-count', '2');
    await expect(condition(wall, 'On diversion')).toContainText('Apple Orchard Community Hospital');
    await expect(wall.getByTestId('bed-row').filter({ hasText: 'Adult ICU' }).getByTestId('bed-available')).not.toHaveText('27');

    // Read from across the room, and nobody scrolls it: at 1920x1080 all of it in the window,
    // nothing cut off at the side; the badges as large as the words around them.
    await expect(wall.getByTestId('sit-events')).toBeVisible();
    await expect.poll(() => wallFit(wall)).toEqual({ scrolls: false, widerThanWindow: false, sideways: [] });
    expect(await fontPx(wall.getByTestId('demo-marker'))).toBeGreaterThanOrEqual(20);
    expect(await fontPx(wall.getByTestId('sit-status-requests').getByText(/^\d+ (LATE|WAITING)$/).first())).toBeGreaterThanOrEqual(20);
    // Open requests are the submitted ones, as the situation report lists them; the demo's draft is said apart.
    await expect(wall.getByTestId('sit-requests')).toHaveAttribute('data-value', '9');
    await expect(wall.getByTestId('sit-requests')).toContainText('1 draft not submitted');
    // On a laptop's 1280x800 it may scroll down, but nothing is cut off at the side.
    await wall.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => wallFit(wall)).toMatchObject({ widerThanWindow: false, sideways: [] });

    // The report keeps its reason; the history says who, how and when.
    await page.keyboard.type('Apple Orchard');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status-entry')).toContainText('last report by phone from Pat Nurse, house supervisor');
    await expect(page.getByTestId('status-entry').locator('[data-type-code="beds.adult_icu.available"]')).toHaveAttribute('placeholder', '140');
  });

  test('a facility name typed fast and Enter opens that facility, and Ctrl+Enter pressed again saves once, even while the backend answers slowly', async ({ page, host }) => {
    // Every facility-list read held back 1.5 s and every report 1 s on their way to the
    // backend, as on a loaded workstation: the list on screen must still be the one Enter
    // opens from, and a save in flight is not sent again.
    const sent = await slowBackend(page, { 'status.facilities': 1500, 'status.report': 1000 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+S');
    await expect(page.getByTestId('facility-search')).toBeFocused();
    await expect(page.getByTestId('facility-row').first()).toBeVisible();
    await expect(page.getByTestId('facility-row').first()).not.toContainText('Windy Ridge');
    await page.keyboard.type('Windy Ridge');
    await page.keyboard.press('Enter');
    const form = page.getByTestId('status-entry');
    await expect(form).toHaveAttribute('data-facility', 'Windy Ridge General Hospital');
    await tabTo(page, 'ed.ems_traffic');
    await page.keyboard.type('Acc');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Status saved')).toBeVisible();
    expect(sent['status.report']).toBe(1);
  });

  test('the grid keeps each row’s facility and each column’s field in view while typing far right and far down, and Shift+Tab never hides a cell under them; Ctrl+Enter pressed again saves once', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 800 }); // a laptop: the grid is taller than its box
    const sent = await slowBackend(page, { 'status.reportMany': 1000 }); // the grid's save, slow
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const { grid, rows } = await openStatusGrid(page);
    // The hospital round fits 1280 px; two fields more of text and time make the grid wider than its box.
    const columns = grid.getByLabel('Columns');
    for (const field of ['Diversion reason', 'Diversion expires']) {
      await columns.click();
      await columns.fill(field);
      await page.getByRole('option', { name: field }).click();
    }
    await page.keyboard.press('Escape');
    const scroller = grid.getByTestId('grid-scroller');
    await expect(grid.getByRole('columnheader', { name: 'Diversion expires' })).toBeVisible();
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const last = rows.last();
    const name = (await last.getAttribute('data-facility'))!;
    // The last field of the last hospital: the grid scrolls right and down to it.
    await last.getByLabel(`${name}: Diversion expires`).focus();
    const box = await scroller.boundingBox();
    const facilityCell = await last.locator('td').first().boundingBox();
    const header = await grid.locator('thead th').nth(1).boundingBox();
    expect(await scroller.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    expect(Math.abs(facilityCell!.x - box!.x)).toBeLessThan(3); // the facility stays at the left edge
    expect(Math.abs(header!.y - box!.y)).toBeLessThan(3); // the field names stay at the top
    await expect(last.locator('td').first()).toContainText(name);
    // Back by keyboard to the row's first field: it comes into view beside the facility, not under it.
    const first = last.getByLabel(`${name}: Operating status`);
    for (let i = 0; i < 12 && !(await first.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(first).toBeFocused();
    const field = await first.boundingBox();
    const facility = await last.locator('td').first().boundingBox();
    expect(field!.x).toBeGreaterThanOrEqual(facility!.x + facility!.width - 1);
    // Rows sent once, however often Ctrl+Enter is pressed while they travel.
    await last.getByLabel(`${name}: Adult ICU beds available`).fill('3');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Status saved')).toBeVisible();
    expect(sent['status.reportMany']).toBe(1);
  });

  test('a status request to five hospitals: three answer in time through quick entry, the other two listed with their 24/7 numbers; the share on time only once the deadline has passed', async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+S');
    await page.getByRole('tab', { name: 'Status requests' }).click();
    await page.getByTestId('new-status-request').click();
    const form = page.getByTestId('status-request-form');
    await form.getByLabel('Title').fill('Five hospitals: EMS traffic within the hour');
    const hospitals = ['Apple Orchard Community Hospital', 'Birchwood Community Hospital', 'Summit View General Hospital', 'Windy Ridge General Hospital', 'Larkspur General Hospital'];
    const facilities = form.getByLabel('And these facilities');
    for (const h of hospitals) {
      await facilities.click();
      await facilities.fill(h.split(' ')[0]!);
      await page.getByRole('option', { name: new RegExp(`^${h}`) }).click();
    }
    await page.keyboard.press('Escape');
    const fields = form.getByLabel('Fields to report');
    await fields.click();
    await fields.fill('EMS traffic');
    await page.getByRole('option', { name: 'EMS traffic' }).click();
    await page.keyboard.press('Escape');
    await form.getByLabel(/^Deadline/).fill(wallTimeIn(60));
    await page.getByTestId('status-request-send').click();

    const detail = page.getByTestId('status-request-detail');
    await expect(detail.getByTestId('request-answered')).toHaveText('0 of 5');
    // Just sent: nobody is late yet, so no share on time ("0%" read as a failure), only when it is due.
    await expect(detail.getByTestId('request-on-time')).toHaveText(/^due \d\d:\d\d [A-Z]{3}$/);
    await expect(detail.getByTestId('request-on-time-words')).toHaveText('0 of 5 answered so far; the share on time is known at the deadline');
    await page.getByTestId('request-quick-entry').click();
    const grid = page.getByTestId('status-grid');
    await expect(grid.getByTestId('grid-row')).toHaveCount(5);
    for (const h of hospitals.slice(0, 3)) {
      await grid.getByLabel(`${h}: EMS traffic`).focus();
      await page.keyboard.type('Acc');
    }
    await page.keyboard.press('Control+Enter');

    await expect(detail.getByTestId('request-answered')).toHaveText('3 of 5');
    await expect(detail.getByTestId('request-on-time-words')).toHaveText('3 of 5 answered so far; the share on time is known at the deadline');
    await expect(detail.getByTestId('request-on-time')).toHaveText(/^due /);
    const outstanding = page.getByTestId('call-down').getByTestId('outstanding-row');
    await expect(outstanding).toHaveCount(2);
    for (const h of hospitals.slice(3)) {
      await expect(outstanding.filter({ hasText: h })).toContainText(/24\/7 413-555-01\d\d/);
    }
    await expect(page.getByTestId('answered-row')).toHaveCount(3);
    await expect(page.getByTestId('answered-row').first()).toContainText('ON TIME');

    // Printed, the list leaves out the top bar that says DEMO DATA and EXERCISE on screen:
    // the sheet carries the marks itself.
    await expect(page.getByTestId('print-marks')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('demo-marker')).toBeHidden();
    await expect(page.getByTestId('print-marks')).toBeVisible();
    await expect(page.getByTestId('print-marks')).toContainText('DEMO DATA');
    await expect(page.getByTestId('print-marks')).toContainText('EXERCISE');
    await page.emulateMedia({ media: 'screen' });

    // On the situation board: this one answered so far and due; the demo's request, past its deadline, with its share (HPP J.1).
    await page.keyboard.press('Alt+1');
    const progress = page.getByTestId('sit-status-requests').getByTestId('status-request-progress');
    await expect(progress.filter({ hasText: '3 of 5 answered' })).toHaveText(/^3 of 5 answered · due \d\d:\d\d [A-Z]{3} 2 WAITING$/);
    await expect(progress.filter({ hasText: '7 of 8 answered' })).toHaveText('7 of 8 answered · 63% on time 1 LATE');
    await page.getByTestId('sit-status-requests').getByRole('link', { name: /^All hospitals/ }).click();
    await expect(detail.getByTestId('request-on-time')).toHaveText('63%');
    await expect(detail.getByTestId('request-on-time-words')).toHaveText('5 of 8 answered by the deadline');
  });

  test('a situation report is drafted, edited, approved and printed; hospital status exports as EDXL-HAVE', async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+R');
    const screen = page.getByTestId('sitrep-screen');
    // The demo's period 1 report was approved as version 1; refresh it from the record.
    await expect(page.getByTestId('sitrep-version')).toHaveCount(1);
    await page.getByTestId('sitrep-draft').click();
    const editor = page.getByTestId('sitrep-editor');
    // Version 1's summary was edited by planning, so the refresh keeps it, and says it was
    // written against earlier figures (the demo's stale and overdue counts moved since):
    // approval waits until planning has seen them.
    const check = editor.locator('[data-testid="sitrep-text-check"][data-field="summary"]');
    await expect(check).toContainText('Written against the figures of');
    await expect(check).toContainText(/Overdue \d+ → \d+/);
    await expect(page.getByTestId('sitrep-approve')).toBeDisabled();
    await expect(editor.getByTestId('sitrep-approve-reason')).toHaveText('Approval waits for: Situation summary');
    await expect(page.getByTestId('sitrep-approve')).toHaveAccessibleDescription('Approval waits for: Situation summary');
    for (const scheme of ['light', 'dark'] as const) {
      await setTheme(page, scheme);
      expect(await violations(page, `sitrep text check ${scheme}`, '[data-testid="sitrep-editor"]')).toEqual([]);
    }
    // Typed key by key, as the planning section does (the screen once failed on the second key).
    const summary = editor.getByLabel('Situation summary');
    const typed = 'Ice storm, hour 20: one hospital on diversion, two long-term care facilities on generator, one evacuating.';
    await summary.fill('');
    await summary.pressSequentially(typed);
    await expect(summary).toHaveValue(typed);
    const needs = editor.getByLabel('Within 12 hours');
    await needs.focus();
    await needs.press('Control+End');
    await needs.pressSequentially(' Fuel for two generators.');
    await expect(needs).toHaveValue(/\(urgent, awaiting approval\) Fuel for two generators\.$/);
    await editor.getByText('Worsening').click();
    await expect(editor.getByTestId('sitrep-state')).toHaveText('UNSAVED CHANGES');
    // Rewritten now, against the figures on screen: nothing left to check.
    await expect(check).toHaveCount(0);
    await page.getByTestId('sitrep-approve').click();
    // Approval asks once, naming the version it issues for good.
    const confirm = page.getByRole('dialog', { name: 'Approve version 2 of the period 1 situation report?' });
    await expect(confirm).toContainText('never changes afterwards');
    expect(await violations(page, 'sitrep approval confirmation', '[role="dialog"]')).toEqual([]);
    await expect(page.getByTestId('sitrep-version')).toHaveCount(1);
    await confirm.getByTestId('sitrep-approve-confirm').click();
    await expect(page.getByTestId('sitrep-version')).toHaveCount(2);
    await expect(page.getByTestId('sitrep-version').first()).toContainText('Version 2');
    await expect(page.getByTestId('sitrep-version').first()).toContainText('CURRENT');
    await expect(page.getByTestId('sitrep-version').nth(1)).toContainText('SUPERSEDED');
    await expect(editor.getByTestId('sitrep-state')).toHaveText('APPROVED AS VERSION 2');
    // Nothing new to approve: the button says so, to the keyboard too.
    await expect(editor.getByTestId('sitrep-approve-reason')).toHaveText('Nothing new to approve: version 2 reads as this does. Edit the text, or refresh it from the record, first.');
    await expect(page.getByTestId('sitrep-approve')).toBeDisabled();
    await expect(screen.getByTestId('sitrep-record')).toContainText('Facility status');

    const pdf = page.waitForEvent('download');
    await page.getByTestId('sitrep-version').first().getByTestId('sitrep-pdf').click();
    const file = await pdf;
    expect(file.suggestedFilename()).toMatch(/^DEMO-EXERCISE_SITREP_DEMO-Pioneer-Valley-ice-storm-and-power_P1-v2_.*\.pdf$/);
    expect(fs.readFileSync(await file.path()).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = page.waitForEvent('download');
    await page.getByTestId('sitrep-version').first().getByTestId('sitrep-docx').click();
    expect((await docx).suggestedFilename()).toMatch(/\.docx$/);

    await page.keyboard.press('Alt+Shift+S');
    await page.getByRole('tab', { name: 'Import / export' }).click();
    const have = page.waitForEvent('download');
    await page.getByTestId('have-export-button').click();
    const xml = fs.readFileSync(await (await have).path(), 'utf8');
    // Demo data goes out as Test (discardable), never Actual or Exercise, and says so in words.
    expect(xml).toContain('<distributionStatus>Test</distributionStatus>');
    expect(xml).toContain('<value>DEMO DATA</value>');
    expect(xml).toContain('<HospitalStatus xmlns="urn:oasis:names:tc:emergency:EDXL:HAVE:1.0"');
  });
});
