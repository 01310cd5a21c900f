import type { Page } from '@playwright/test';
import { expect, test, waitForScreen } from './fixtures/host';
import { loadDemoAndSignIn } from './flows-resources';
import { openStatusEntry, openStatusGrid } from './flows-status';
import { setTheme, violations } from './a11y-check';

/**
 * The gaps a walkthrough by keyboard alone found (demo coalition, Dana Duty as Coalition
 * Duty Officer), each walked again by keyboard only: Ctrl+Enter saves every form from any
 * field, list fields included; Enter in a multi-select takes the option found; "+30" is a
 * deadline; "?" lists the shortcuts; a refused save shows where and says what.
 */

/** Tab forward until the element matching `name` (its accessible name) has the focus. */
async function tabUntil(page: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const n = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return a ? (a.labels?.[0]?.textContent ?? a.getAttribute('aria-label') ?? a.textContent ?? '') : '';
    });
    if (name.test(n.trim())) return;
  }
  throw new Error(`Nothing named ${name} within ${max} tabs`);
}

test.describe('keyboard walkthrough', () => {
  test('the ICS 213RR page saves on Ctrl+Enter from any field, a list field too; refused, it names the fields and takes the focus to the first', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+N');
    const form = page.getByTestId('request-form');
    await expect(form.getByLabel('Line 1 quantity')).toBeFocused();
    await page.keyboard.type('200');
    // Saved too early, from the quantity: refused, in words near Save, the focus on the first field named.
    await page.keyboard.press('Control+Enter');
    const attention = form.getByTestId('field-attention');
    await expect(attention).toContainText(/\d fields need attention: Line 1 kind, .*Name/);
    await expect(form.getByLabel('Line 1 kind')).toBeFocused();
    await page.keyboard.type('N95 respirator');
    // The arrival as a time from now, shown in full before saving.
    await tabUntil(page, /^Line 1 requested arrival/);
    await page.keyboard.type('+90');
    await expect(form.getByLabel('Line 1 requested arrival')).toHaveAccessibleDescription(/^\d{4}-\d\d-\d\d \d\d:\d\d E[SD]T, (today|tomorrow), in 1 h 30 min$/);
    await tabUntil(page, /^Requesting organisation/);
    await page.keyboard.type('Apple Orchard');
    await tabUntil(page, /^Name/);
    await page.keyboard.type('Pat Perez');
    // The one field left names itself as corrected fields drop out of the words.
    await expect(attention).toBeHidden();
    // Back in the organisation, its list open on what is typed: Ctrl+Enter saves, and keeps that organisation.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Birchwood');
    await expect(page.getByRole('option', { name: /^Birchwood Community Hospital/ })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    const detail = page.getByTestId('request-detail');
    await expect(detail).toHaveAttribute('data-status', 'draft');
    await expect(detail).toContainText('Birchwood Community Hospital');
    await expect(detail).toContainText('200 eachN95 respirator');
  });

  test('the decision dialog saves on Ctrl+Enter from its position and its “Responds to” list, never without the option pointed at or the text typed', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await expect(d.getByRole('textbox', { name: /^Title/ })).toBeFocused();
    await page.keyboard.type('Open the Holyoke warming centre');
    await tabUntil(page, /^Decision/);
    await page.keyboard.type('Open the warming centre at the Holyoke senior center from 18:00');
    await tabUntil(page, /^Rationale/);
    await page.keyboard.type('Power out in Holyoke for 20 hours');
    await tabUntil(page, /^Authority/);
    await page.keyboard.type('CONOPS 4.2');
    const position = d.getByRole('combobox', { name: 'Position' });
    const before = await position.inputValue();
    expect(before).toBe('Coalition Duty Officer');
    await tabUntil(page, /^Position/);
    // Its list opens on the focus with the current position highlighted: Ctrl+Enter saves from here.
    // Moved to another with the arrows, Ctrl+Enter first takes it, as Enter does, and saves nothing yet.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Enter');
    await expect(d).toBeVisible();
    await expect(position).not.toHaveValue(before);
    await page.keyboard.press('Control+Enter');
    await expect(d).toBeHidden();
    const row = page.getByTestId('decision-list').getByText('Open the Holyoke warming centre', { exact: true });
    await expect(row).toHaveCount(1);

    // Again, from the multi-select of what the decision responds to, with text typed in it.
    await page.keyboard.press('Control+Shift+D');
    await expect(d.getByRole('textbox', { name: /^Title/ })).toBeFocused();
    await page.keyboard.type('Close the Easthampton shelter');
    await tabUntil(page, /^Decision/);
    await page.keyboard.type('Close it at noon');
    // A third option, added by keyboard: the new option's field takes the focus.
    await tabUntil(page, /^Add an option/);
    await page.keyboard.press('Space');
    await expect(d.getByRole('textbox', { name: 'Option 3', exact: true })).toBeFocused();
    await page.keyboard.type('Keep it open overnight');
    await tabUntil(page, /^Rationale/);
    await page.keyboard.type('Power back');
    await tabUntil(page, /^Authority/);
    await page.keyboard.type('CONOPS 4.2');
    await tabUntil(page, /^Responds to/);
    // Text that names no record is not dropped to save: it stays, and nothing is recorded.
    await page.keyboard.type('zzz no such record');
    await page.keyboard.press('Control+Enter');
    await expect(d).toBeVisible();
    await expect(d.getByRole('combobox', { name: /^Responds to/ })).toHaveValue('zzz no such record');
    await expect(page.getByText(/^“zzz no such record” in Responds to.* matches no choice, or clear it; then Ctrl\+Enter saves\.$/)).toBeVisible();
    await expect(page.getByTestId('decision-list').getByText('Close the Easthampton shelter', { exact: true })).toHaveCount(0);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('decision-form')).toBeHidden();
    await expect(page.getByTestId('decision-list').getByText('Close the Easthampton shelter', { exact: true })).toHaveCount(1);
  });

  test('a status request by keyboard: Enter takes the facility and field found, the deadline is “+30”, Ctrl+Enter from a multi-select records it', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+S');
    await page.getByRole('tab', { name: 'Status requests' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('new-status-request').focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('status-request-form');
    await expect(form.getByLabel('Title')).toBeFocused();
    await page.keyboard.type('Two hospitals: EMS traffic within the half hour');
    // Enter in its first line does not send a long form half-filled (nor refuse it and throw the focus down): Ctrl+Enter saves.
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('Title')).toBeFocused();
    await expect(form.getByTestId('field-attention')).toHaveCount(0);
    await expect(form.getByLabel(/^Deadline/)).not.toHaveAttribute('aria-invalid', 'true');
    await tabUntil(page, /^And these facilities/);
    for (const typed of ['Apple Orch', 'Birchw']) {
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
    }
    // Each Enter took the first facility found: both are in the list.
    await expect(form.getByText(/^Apple Orchard Community Hospital/)).toBeVisible();
    await expect(form.getByText(/^Birchwood Community Hospital/)).toBeVisible();
    await tabUntil(page, /^Fields to report/);
    await page.keyboard.type('EMS traffic');
    await page.keyboard.press('Enter');
    await expect(form.getByText('EMS traffic', { exact: true })).toBeVisible();
    // Ctrl+Enter with no deadline yet: refused; the focus goes to the deadline, and words say so.
    await page.keyboard.press('Control+Enter');
    const deadline = form.getByLabel(/^Deadline/);
    await expect(deadline).toBeFocused();
    await expect(form.getByTestId('field-attention')).toHaveText(/One field needs attention: Deadline \(E[SD]T\)/);
    await page.keyboard.type('+30');
    await expect(deadline).toHaveAccessibleDescription(/^Read as \d{4}-\d\d-\d\d \d\d:\d\d E[SD]T, (today|tomorrow), in 30 min$/);
    const readAs = /Read as \S+ (\d\d:\d\d)/.exec((await deadline.evaluate((e) => e.getAttribute('aria-describedby') && document.getElementById(e.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent)) ?? '')?.[1];
    // From the fields' list, the save.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+Enter');
    const detail = page.getByTestId('status-request-detail');
    await expect(detail.getByTestId('request-answered')).toHaveText('0 of 2');
    if (readAs) await expect(detail.getByTestId('request-on-time')).toContainText(readAs.slice(0, 2));
  });

  test('a refused status entry takes the focus to the field far up the form and says which it is', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const form = await openStatusEntry(page, 'Apple Orchard', 'Apple Orchard Community Hospital');
    const beds = form.locator('[data-type-code="beds.adult_icu.available"]');
    await beds.focus();
    await page.keyboard.type('twelve');
    await tabUntil(page, /^Note/, 120);
    await expect(beds).not.toBeInViewport();
    await page.keyboard.press('Control+Enter');
    await expect(beds).toBeFocused();
    await expect(beds).toBeInViewport();
    await expect(form.getByTestId('field-attention')).toHaveText(/One field needs attention: Adult ICU/);
    // Still wrong as it is edited, it still says so; corrected, neither it nor the form does, before any save.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12x');
    await expect(beds).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Backspace');
    await expect(beds).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByTestId('field-attention')).toHaveCount(0);
  });

  test('“?” lists every shortcut, not while typing; Esc gives the focus back', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+B');
    // The board takes the focus once its rows are read: on a busy machine, after the move.
    await expect(page.getByTestId('request-board')).toBeFocused();
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      a?.setAttribute('data-was-focused', 'yes');
      return a?.tagName;
    });
    expect(focused).toBeTruthy();
    await page.keyboard.press('?');
    const palette = page.getByRole('dialog').filter({ has: page.getByPlaceholder('Every shortcut: type to filter') });
    await expect(palette).toBeVisible();
    for (const words of ['New resource request (ICS 213RR)', 'Save the form from any field', 'List every shortcut']) await expect(palette.getByText(words, { exact: false }).first()).toBeVisible();
    await expect(palette.getByText('Ctrl+Enter', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(page.locator('[data-was-focused="yes"]')).toBeFocused();

    // Locked, "?" reaches nothing underneath: the list's entries would run behind the lock.
    await page.keyboard.press('Alt+Shift+L');
    const unlock = page.getByRole('button', { name: /^Unlock as Dana Duty/ });
    await expect(unlock).toBeFocused();
    await page.keyboard.press('?');
    await expect(page.getByPlaceholder('Every shortcut: type to filter')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);

    // In a text field "?" is a character.
    await page.keyboard.press('Control+L');
    const what = page.getByTestId('quick-entry-form').getByLabel('What happened');
    await expect(what).toBeFocused();
    await page.keyboard.type('Power back at Mercy?');
    await expect(what).toHaveValue('Power back at Mercy?');
    await expect(page.getByPlaceholder('Every shortcut: type to filter')).toHaveCount(0);
  });
  test('keys typed at once after a move reach the field the new screen focuses, not the page; keys typed at a screen with no field go nowhere', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    // The console just opened, and no wait between the move and the typing: the Status
    // screen loads, mounts and focuses its search while the keys arrive.
    await page.reload();
    await waitForScreen(page, 'console');
    await page.keyboard.press('Alt+Shift+S');
    await page.keyboard.type('Apple Orchard');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pat Nurse');
    // The name typed whole, Enter opened the one facility it finds, and who called went to the form's first field as it opened.
    const form = page.getByTestId('status-entry');
    await expect(form).toHaveAttribute('data-facility', 'Apple Orchard Community Hospital');
    await expect(form.getByLabel('Reported by (at the facility)')).toBeFocused();
    await expect(form.getByLabel('Reported by (at the facility)')).toHaveValue('Pat Nurse');
    // From another screen, a search shortcut, typed through at once.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('generator');
    await expect(page.getByTestId('timeline-search')).toHaveValue('generator');
    // The situation board has no field: what is typed there is not kept for a field opened later.
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('xyz');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Alt+Shift+S');
    await expect(page.getByTestId('facility-search')).toBeFocused();
    await expect(page.getByTestId('facility-search')).toHaveValue('');
  });
  test('Ctrl+J jumps to a field by part of its name, on a screen and in a dialog; Esc goes back to the field left', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const form = await openStatusEntry(page, 'Apple Orchard', 'Apple Orchard Community Hospital');
    const reporter = form.getByLabel('Reported by (at the facility)');
    // Sixteen presses of Tab down the form: Ctrl+J, a few letters of its name, Enter.
    // Typed at once: the letters go to the list, not the field being left.
    await page.keyboard.press('Control+j');
    await page.keyboard.type('med surg av');
    const jump = page.getByRole('dialog').filter({ has: page.getByLabel('Jump to a field') });
    await expect(page.getByLabel('Jump to a field')).toHaveValue('med surg av');
    await expect(reporter).toHaveValue('');
    await expect(jump.getByRole('button')).toHaveText(['Medical/surgical beds available (beds)Beds']);
    await page.keyboard.press('Enter');
    const medSurg = form.locator('[data-type-code="beds.medical_surgical.available"]');
    await expect(medSurg).toBeFocused();
    await page.keyboard.type('40');
    await expect(medSurg).toHaveValue('40');
    // Looked, not taken: Esc is back in the field left, its text kept.
    await page.keyboard.press('Control+j');
    await page.keyboard.type('icu');
    await expect(jump.getByRole('button').first()).toHaveText(/^Adult ICU beds available/);
    await page.keyboard.press('Escape');
    await expect(medSurg).toBeFocused();
    await expect(medSurg).toHaveValue('40');
    // The list of shortcuts names it, in one group with the other keys of forms; typed at once, its filter has every letter.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+1');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('?');
    await page.keyboard.type('field');
    await expect(page.getByPlaceholder('Every shortcut: type to filter')).toHaveValue('field');
    await expect(page.getByText('Jump to a field of this form by typing part of its name')).toBeVisible();
    await page.keyboard.press('Escape');
    // A screen without fields says so.
    await page.keyboard.press('Control+j');
    await expect(page.getByText('No field to jump to')).toBeVisible();

    // In a dialog: only its own fields, twice running.
    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await expect(d.getByRole('textbox', { name: /^Title/ })).toBeFocused();
    await page.keyboard.press('Control+j');
    await page.keyboard.type('authority');
    await page.keyboard.press('Enter');
    await expect(d.getByRole('combobox', { name: /^Authority/ })).toBeFocused();
    await page.keyboard.press('Control+j');
    await page.keyboard.type('medical');
    await expect(jump.getByText('No field of this form has that in its name')).toBeVisible();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('rationale');
    await page.keyboard.press('Enter');
    await expect(d.getByRole('textbox', { name: /^Rationale/ })).toBeFocused();
  });

  test('the Kind of a 213RR line is free text: Tab and Ctrl+Enter keep what was typed, even when several entries of the catalogue hold it', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+N');
    const form = page.getByTestId('request-form');
    await expect(form.getByLabel('Line 1 quantity')).toBeFocused();
    await page.keyboard.type('2');
    await tabUntil(page, /^Line 1 kind/);
    // Near the catalogue's "N95 respirator", but not it: Tab keeps the words typed.
    await page.keyboard.type('N95 respirators');
    await page.keyboard.press('Tab');
    await expect(form.getByLabel('Line 1 kind')).toHaveValue('N95 respirators');
    // Saved under the catalogue's name, so that stock of it is matched: said before saving.
    await expect(form.getByText('Filed as “N95 respirator”')).toBeVisible();
    await tabUntil(page, /^Requesting organisation/);
    await page.keyboard.type('Apple Orchard');
    await tabUntil(page, /^Name/);
    await page.keyboard.type('Pat Perez');
    // Enter in a one-line field of this long form saves nothing.
    await page.keyboard.press('Enter');
    await expect(form.getByLabel(/^Name/)).toBeFocused();
    await expect(page.getByTestId('request-detail')).toHaveCount(0);
    // "Ambulance" is in three entries of the list: as free text it is an answer, not a question.
    await form.getByLabel('Line 1 kind').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Ambulance');
    await expect(page.getByRole('option', { name: /^Ambulance/ })).toHaveCount(3);
    await page.keyboard.press('Control+Enter');
    const detail = page.getByTestId('request-detail');
    await expect(detail).toHaveAttribute('data-status', 'draft');
    await expect(detail).toContainText('2 eachAmbulance');
    await expect(page.getByText(/^“Ambulance” in Line 1 kind/)).toHaveCount(0);
  });

  test('the status grid refused: the focus goes to the cell at fault, far across the grid, and words name it', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const { grid, rows } = await openStatusGrid(page);
    const last = (await rows.last().getAttribute('data-facility'))!;
    const first = (await rows.first().getAttribute('data-facility'))!;
    const far = grid.getByLabel(`${last}: Adult ICU beds available`);
    await far.focus();
    await page.keyboard.type('twelve');
    await grid.getByLabel(`${first}: EMS traffic`).focus();
    await page.keyboard.press('Control+Enter');
    await expect(far).toBeFocused();
    await expect(grid.getByTestId('field-attention')).toHaveText(`Not savedOne field needs attention: ${last}: Adult ICU beds available`);
    // Corrected, the words go.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await expect(grid.getByTestId('field-attention')).toHaveCount(0);
  });

  test('a dialog refused by the backend on one of its fields says so once, naming the field', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.goto(`${host.url.split('#')[0]}#/prep?tab=activation`);
    await page.getByRole('button', { name: /^(Write the activation sheet|Edit \(new version\))$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What changed').fill('x'.repeat(320));
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await expect(dialog.getByTestId('field-attention')).toHaveText('Not savedOne field needs attention: What changed');
    await expect(dialog.getByLabel('What changed')).toBeFocused();
    await expect(dialog.getByRole('alert')).toHaveCount(1);
  });
  test('typed at once: keys stay in the field a move leaves focused, an Enter held for a multi-line field is a new line, Ctrl+J replaces a value, locking closes the jump list', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    // Ctrl+F in the timeline's own search: the move keeps the field, and what follows is typed into it.
    await page.keyboard.press('Control+f');
    const search = page.getByTestId('timeline-search');
    await expect(search).toBeFocused();
    await page.keyboard.type('gen');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('erator');
    await expect(search).toHaveValue('generator');
    // A paper log typed in one go as the transcription box opens: its Enter starts a new line.
    await page.keyboard.press('Alt+Shift+T');
    await page.keyboard.type('14:30 Road closed');
    await page.keyboard.press('Enter');
    await page.keyboard.type('14:35 Bridge open');
    const lines = page.getByTestId('transcribe-form').getByLabel('Lines, one entry each');
    await expect(lines).toHaveValue('14:30 Road closed\n14:35 Bridge open');
    // Enter in the one-line field of a long form says what saves it.
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-discard').click();
    await expect(page.getByTestId('transcribe-form')).toHaveCount(0);
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await expect(d.getByRole('textbox', { name: /^Title/ })).toBeFocused();
    await page.keyboard.type('Open the warming centre');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Enter does not save this form')).toBeVisible();
    await expect(d).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-discard').click();
    await expect(d).toHaveCount(0);
    await expect(page.locator('main')).toBeFocused();
    // Ctrl+J to a field holding a value: what is typed replaces it.
    const form = await openStatusEntry(page, 'Birchwood', 'Birchwood Community Hospital');
    const icu = form.locator('[data-type-code="beds.adult_icu.available"]');
    await icu.fill('40');
    await page.keyboard.press('Control+j');
    await page.keyboard.type('adult icu av');
    await page.keyboard.press('Enter');
    await expect(icu).toBeFocused();
    await page.keyboard.type('35');
    await expect(icu).toHaveValue('35');
    // Locked with the jump list open: the list closes, nothing of it above the lock.
    await page.keyboard.press('Control+j');
    await expect(page.getByLabel('Jump to a field')).toBeVisible();
    await page.keyboard.press('Alt+Shift+L');
    await expect(page.getByRole('button', { name: /^Unlock as Dana Duty/ })).toBeFocused();
    await expect(page.getByLabel('Jump to a field')).toHaveCount(0);
  });

  test('Tab into a filled field of a dialog selects its value, as on a page: what is typed replaces it', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Control+Shift+M');
    const name = page.getByRole('textbox', { name: 'From (name)' });
    await expect(name).toBeFocused();
    await page.keyboard.type('Pat Nurse');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(name).toBeFocused();
    await page.keyboard.type('Lee Park');
    await expect(name).toHaveValue('Lee Park');
    // A click leaves the caret where it is put.
    await name.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await page.keyboard.type(' RN');
    await expect(name).toHaveValue('Lee Park RN');
  });

  test('a button busy with its action keeps the focus once it is done (Enter on Export a bundle)', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Control+Shift+Y');
    const exportButton = page.getByTestId('bundle-export');
    await exportButton.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await download;
    await expect(page.getByTestId('bundle-exported')).toBeVisible();
    await expect(exportButton).toBeFocused();
  });

  test('a shortcut pressed on a rail link moves the focus into the new screen, not left on the old link', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const link = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Decisions/ });
    await link.focus();
    await page.keyboard.press('Control+Shift+X');
    await expect(page).toHaveURL(/\/exercises/);
    await expect(link).not.toBeFocused();
    await expect(page.locator('main')).toBeFocused();
    // Keys typed at once after a move from a rail link still reach the new screen's field.
    await link.focus();
    await page.keyboard.press('Alt+Shift+S');
    await page.keyboard.type('Apple Orchard');
    await expect(page.getByRole('textbox', { name: 'Find facility' })).toHaveValue('Apple Orchard');
  });

  test('a button that cannot be used yet is still a Tab stop and says why (Print ICS 214 of all positions)', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+3');
    await waitForScreen(page, 'console');
    const print = page.getByTestId('export-ics214');
    const why = 'Choose one position to print its ICS 214';
    // The log of all positions is not one ICS 214.
    await page.getByTestId('log-position').click();
    await page.getByRole('option', { name: 'All positions', exact: true }).click();
    // Reached from the button before it, as a keyboard user goes along the header.
    await page.getByTestId('transcribe-log').focus();
    await page.keyboard.press('Tab');
    await expect(print).toBeFocused();
    await expect(print).toBeDisabled();
    await expect(print).toHaveAccessibleDescription(why);
    await expect(page.getByTestId('export-ics214-reason')).toHaveText(why);
    // The reason is readable (AA contrast) in both themes.
    for (const scheme of ['light', 'dark'] as const) {
      await setTheme(page, scheme);
      expect(await violations(page, `Print ICS 214 unavailable, ${scheme}`, '[data-testid="log-screen"]')).toEqual([]);
    }
    await print.focus();
    // Enter on it prints nothing.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('export-manifest')).toHaveCount(0);
    // A position chosen, it can be used and has nothing left to explain.
    await page.getByTestId('log-position').click();
    await page.getByRole('option', { name: 'Coalition Duty Officer', exact: true }).click();
    await expect(print).toBeEnabled();
    await expect(print).toHaveAccessibleDescription('');
    await expect(page.getByTestId('export-ics214-reason')).toHaveCount(0);
  });
});
