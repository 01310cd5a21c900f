import type { Page } from '@playwright/test';
import { completeSetup, signIn } from './flows';
import { ZONE, createIncidentFromTemplate, goTo, logRow, wallTimeAgo } from './flows-incident';
import { expect, test, waitForScreen } from './fixtures/host';

const INCIDENT = 'Ice storm shelter drill';

/** "2026-11-24 21:40" in the coalition's zone, `minutesAgo` before now. */
function wallDateTimeAgo(minutesAgo: number): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${f.format(new Date(Date.now() - minutesAgo * 60_000))} ${wallTimeAgo(minutesAgo)}`;
}

/** Set up, on duty, an exercise started `startedMinutesAgo`, on the Activity log. */
async function onTheLog(page: Page, url: string, [name, position]: [string, string], startedMinutesAgo: number): Promise<void> {
  await page.goto(url);
  await completeSetup(page);
  await signIn(page, name, position);
  await createIncidentFromTemplate(page, { name: INCIDENT, template: 'Hospital evacuation', exercise: true, startedMinutesAgo });
  await goTo(page, 'Alt+3', 'log-screen');
}

test.describe('transcribing a paper or radio log in one go', () => {
  test.use({ actionTimeout: 15_000 });

  test('types a paper ICS 214 with a wrapped line, a category and a bad line, fixes it, records with Ctrl+Enter; the log and the timeline show it transcribed from paper', async ({
    page,
    host,
  }) => {
    // Typing six lines key by key takes a while on a small machine.
    test.setTimeout(240_000);
    await onTheLog(page, host.url, ['Dana Duty', 'Coalition Duty Officer'], 180);
    await page.keyboard.press('Alt+Shift+T');
    const form = page.getByTestId('transcribe-form');
    const lines = form.getByLabel('Lines, one entry each');
    await expect(lines).toBeFocused();
    await expect(form.getByLabel(/^Log of/)).toHaveValue(/./);
    await expect(form.getByLabel(/^Log of/).locator('option:checked')).toHaveText('Coalition Duty Officer');
    await expect(form.getByLabel(/^Came by/)).toHaveValue('paper');

    const [t1, t2, t3, t4] = [wallTimeAgo(150), wallTimeAgo(120), wallTimeAgo(90), wallTimeAgo(60)];
    const dated = wallDateTimeAgo(45);
    // Enter makes a new line; a leading space continues the entry above; one line lost its time.
    await page.keyboard.type(
      [
        `${t1} EOC phone line down, running on radio`,
        `${t2.replace(':', '')} situation: Mercy on generator, 42 inpatients`,
        '   sheltering in place until morning',
        'Baystate confirms 6 ICU beds',
        `${t4} Resource: 3 ambulances staged at north lot`,
        `${dated} Staging note: lot plowed`,
      ].join('\n'),
    );

    await expect(form.getByTestId('transcribe-errors')).toContainText('Line 4: type the time first, as 24-hour HH:MM');
    await expect(form.getByTestId('transcribe-summary')).toHaveText('4 entries ready, 1 line to fix');
    const record = form.getByTestId('transcribe-record');
    await expect(record).toBeDisabled();
    const rows = form.getByTestId('transcribe-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(1)).toContainText('Situation');
    await expect(rows.nth(1)).toContainText('Mercy on generator, 42 inpatients sheltering in place until morning');
    await expect(rows.nth(1)).toContainText(new RegExp(`${t2} (EST|EDT)`));
    await expect(rows.nth(2)).toHaveAttribute('data-status', 'error');
    // Not a known category: the words stay in the text.
    await expect(rows.nth(4)).toContainText('Staging note: lot plowed');

    // Ctrl+Enter records nothing while a line is wrong.
    await page.keyboard.press('Control+Enter');
    await expect(form).toBeVisible();

    // The error takes the caret to its line; typing replaces it.
    await form
      .getByTestId('transcribe-errors')
      .getByRole('button', { name: /Line 4/ })
      .click();
    await expect(lines).toBeFocused();
    await page.keyboard.type(`${t3} Baystate confirms 6 ICU beds`);
    await expect(form.getByTestId('transcribe-summary')).toHaveText('5 entries ready');
    await expect(form.getByTestId('transcribe-errors')).toBeHidden();
    await expect(record).toBeEnabled();
    await expect(record).toHaveText('Record 5 entries');

    await page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
    await expect(page.getByText('5 entries recorded')).toBeVisible();
    await expect(page.getByText(/Into the Coalition Duty Officer log, transcribed from paper/)).toBeVisible();

    // In the activity log, each at the time it happened, marked as transcribed from paper.
    await expect(logRow(page, /./)).toHaveCount(5);
    const mercy = logRow(page, 'Mercy on generator');
    await expect(mercy).toContainText('Situation');
    await expect(mercy).toContainText('42 inpatients sheltering in place until morning');
    await expect(mercy).toContainText(t2);
    await expect(mercy).toContainText('Transcribed · Paper');
    await expect(logRow(page, 'Baystate confirms 6 ICU beds')).toContainText(t3);
    await expect(logRow(page, 'lot plowed')).toContainText(dated.slice(11));
    for (const text of ['EOC phone line down', '3 ambulances staged', 'Baystate confirms']) {
      await expect(logRow(page, text)).toContainText('Transcribed · Paper');
    }

    await goTo(page, 'Alt+4', 'timeline-screen');
    const timeline = page.getByTestId('timeline-list').getByTestId('timeline-row');
    await expect(timeline.filter({ hasText: 'Baystate confirms 6 ICU beds' })).toContainText('Transcribed · Paper');
    await expect(timeline.filter({ hasText: 'Baystate confirms 6 ICU beds' })).toContainText(t3);
    await expect(timeline.filter({ hasText: 'Transcribed · Paper' })).toHaveCount(5);
  });

  test('is in the command palette; Esc asks before discarding typed lines; a refusal from the backend records nothing', async ({
    page,
    host,
    context,
  }) => {
    test.setTimeout(240_000);
    await onTheLog(page, host.url, ['Sam Sit', 'Situation Unit Leader'], 120);

    await page.keyboard.press('Control+K');
    await expect(page.getByRole('textbox', { name: 'Command' })).toBeFocused();
    await page.keyboard.type('transcribe');
    await expect(page.getByRole('button', { name: /Transcribe a paper or radio log/ })).toContainText('Alt+Shift+T');
    await page.keyboard.press('Enter');
    const form = page.getByTestId('transcribe-form');
    await expect(form.getByLabel('Lines, one entry each')).toBeFocused();
    await form.getByLabel(/^Came by/).selectOption('radio');
    await form.getByLabel('Lines, one entry each').focus();
    await page.keyboard.type(`${wallTimeAgo(30)} Medic 12: Radio check with all hospitals complete`);
    // A radio log names who spoke: the preview shows it apart from what was said.
    await expect(form.getByTestId('transcribe-from')).toHaveText('From Medic 12:');

    // Esc asks; Enter keeps typing, and so does Esc again (without asking once more).
    const ask = page.getByText('Discard the typed lines?');
    for (const keep of ['Enter', 'Escape']) {
      await page.keyboard.press('Escape');
      await expect(ask).toBeVisible();
      await expect(page.getByRole('button', { name: 'Keep typing' })).toBeFocused();
      await page.keyboard.press(keep);
      await expect(ask).toBeHidden();
      await expect(form.getByLabel('Lines, one entry each')).toHaveValue(/Radio check with all hospitals complete/);
      await expect(form.getByLabel('Lines, one entry each')).toBeFocused();
    }

    // Meanwhile the incident is closed at another screen: the backend refuses, in words.
    const other = await context.newPage();
    await other.goto(host.url);
    await waitForScreen(other, 'console');
    await expect(other.getByTestId('topbar-incident')).toHaveText(INCIDENT);
    await goTo(other, 'Alt+2', 'incidents-screen');
    await other.getByTestId('close-incident').click();
    await other.getByLabel('Closing note').fill('Drill over.');
    await other.getByTestId('confirm-close-incident').click();
    await expect(other.getByTestId('topbar-period')).toHaveText('Incident closed');
    await other.close();

    await form.getByLabel('Lines, one entry each').focus();
    await page.keyboard.press('Control+Enter');
    await expect(form.getByTestId('transcribe-refused')).toContainText('Nothing recorded');
    await expect(form.getByTestId('transcribe-refused')).toContainText(`Incident "${INCIDENT}" is closed`);
    await expect(form).toBeVisible();

    // Esc, Tab to "Discard lines", Enter: gone, and nothing was written.
    await page.keyboard.press('Escape');
    await expect(page.getByText('Discard the typed lines?')).toBeVisible();
    // The question takes the focus a moment after it shows (Mantine's focus trap moves it
    // in a timeout): Tab from "Keep typing", where the operator's eyes and focus are.
    await expect(page.getByRole('button', { name: 'Keep typing' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('confirm-discard')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(logRow(page, /./)).toHaveCount(0);
    await expect(page.getByText('No entries in this log yet')).toBeVisible();
  });
});
