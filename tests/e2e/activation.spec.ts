import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { completeSetup, signIn } from './flows';
import { createIncidentFromTemplate, goTo, logRow, openNextPeriod, quickLog, staffPosition, wallTimeAgo } from './flows-incident';
import { expect, test } from './fixtures/host';

const INCIDENT = 'Mercy Hospital evacuation drill';

test.describe('an activation, from template to the second operational period', () => {
  // A step that cannot happen fails on its own line instead of at the end of the whole walk.
  test.use({ actionTimeout: 15_000 });

  test('runs an exercise: period 1, staffing, keyboard log, radio transcription, correction, board, decision, ICS 214, search, period 2', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');

    // One action from a template; the exercise flag shows on every screen from now on.
    await createIncidentFromTemplate(page, { name: INCIDENT, template: 'Hospital evacuation', exercise: true, startedMinutesAgo: 120, openPeriod: false });
    await expect(page.getByTestId('exercise-banner')).toHaveText('EXERCISE — EXERCISE — EXERCISE');
    await expect(page.getByTestId('topbar-period')).toHaveText('No open period');

    // Period 1 starts when the incident did and carries the template's objectives and positions.
    await openNextPeriod(page, 1);
    await expect(page.getByTestId('objectives')).toContainText('Account for every patient');
    await expect(page.getByTestId('topbar-period')).toHaveText(/Period 1 · \d+ h( \d+ min)? left/);
    await expect(page.getByTestId('topbar-level')).toHaveText('Monitoring');
    await page.getByTestId('incident-level').click();
    await page.getByRole('option', { name: 'Partial activation' }).click();
    await expect(page.getByTestId('topbar-level')).toHaveText('Partial activation');

    await staffPosition(page, 'Coalition Duty Officer', 'Dana Duty');
    await staffPosition(page, 'Situation Unit Leader', 'Sam Sit');
    await staffPosition(page, 'Incident Commander', 'Irene Incident');

    // Log entries with the keyboard only, from whatever screen is showing.
    await quickLog(page, 'Mercy Hospital requests evacuation of 42 inpatients', { category: 'Situ' });
    await quickLog(page, 'EMS staging opened at Mercy north lot', { category: 'Task' });
    // A radio call taken on paper half an hour ago, typed in now with its actual time.
    const radioAt = wallTimeAgo(30);
    await quickLog(page, 'Baystate reports 6 ICU beds available for Mercy transfers', { category: 'Reso', source: 'Radio', at: radioAt });

    await goTo(page, 'Alt+3', 'log-screen');
    await expect(logRow(page, /./)).toHaveCount(3);
    const radio = logRow(page, '6 ICU beds');
    await expect(radio).toContainText('Transcribed · Radio');
    await expect(radio).toContainText(radioAt);
    await expect(radio).toContainText(/rec\. \d\d:\d\d/);

    // A correction is a new entry; the original stays, marked corrected.
    await logRow(page, '42 inpatients').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('correct-entry').click();
    const correction = page.getByTestId('correct-form').getByLabel('Corrected text');
    await correction.fill('Mercy Hospital requests evacuation of 48 inpatients (count confirmed by Mercy command)');
    await page.getByRole('button', { name: 'Record correction' }).click();
    await expect(page.getByTestId('entry-detail').getByTestId('entry-card')).toHaveCount(2);
    await expect(page.getByTestId('entry-detail').getByTestId('entry-card').first()).toContainText('Corrected — see the correction');
    // Propose the corrected count for the board while it is open.
    await page.getByTestId('propose-entry').click();
    await page.getByTestId('propose-form').getByLabel(/Why it matters/).fill('Drives bed matching');
    await page.getByTestId('propose-form').getByRole('button', { name: 'Propose' }).click();
    await page.keyboard.press('Escape');
    await expect(logRow(page, '42 inpatients')).toContainText('Corrected');
    await expect(logRow(page, '48 inpatients')).toContainText('Correction');

    // Only the designated position approves: the Situation Unit Leader takes over the workstation.
    await page.keyboard.press('Control+Shift+B');
    await expect(page.getByTestId('board-proposals')).toContainText('48 inpatients');
    await expect(page.getByTestId('approve-proposal')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+O');
    await signIn(page, 'Sam Sit', 'Situation Unit Leader');
    await page.keyboard.press('Control+Shift+B');
    await page.getByTestId('approve-proposal').click();
    await expect(page.getByTestId('board-events').getByTestId('board-event')).toContainText('48 inpatients');
    await expect(page.getByTestId('board-proposals')).toContainText('0 waiting');

    // A decision with the options weighed and why, with the situation captured automatically.
    await goTo(page, 'Alt+5', 'decisions-screen');
    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await d.getByRole('textbox', { name: /^Title/ }).fill('Receiving hospitals for Mercy ICU patients');
    await d.getByRole('textbox', { name: /^Decision/ }).fill('Send the 6 ICU patients to Baystate; hold the rest for Cooley Dickinson');
    await d.getByLabel('Option 1', { exact: true }).fill('Baystate takes all 6 ICU patients');
    await d.getByLabel('Option 2', { exact: true }).fill('Split ICU patients between Baystate and Holyoke');
    await d.getByLabel('Option 1 was taken').check();
    await d.getByRole('textbox', { name: /^Rationale/ }).fill('Baystate confirmed 6 ICU beds by radio; one receiving site keeps transport simple');
    await d.getByRole('combobox', { name: /^Authority/ }).click();
    await page.getByRole('option', { name: 'Coalition Response Plan' }).click();
    // Saved by keyboard from a multi-line field, where Enter would start a new line.
    await d.getByRole('textbox', { name: /^Rationale/ }).focus();
    await page.keyboard.press('Control+Enter');
    const view = page.getByTestId('decision-view');
    await expect(view).toContainText('Receiving hospitals for Mercy ICU patients');
    await expect(view.getByTestId('decision-option').filter({ hasText: 'Baystate takes all 6 ICU patients' }).getByTestId('decision-option-mark')).toHaveText('Chosen');
    await expect(view).toContainText('In force');
    await expect(page.getByTestId('decision-snapshot')).toContainText('Partial activation');

    // ICS 214 of the Duty Officer's log for period 1: the file and its manifest agree.
    await goTo(page, 'Alt+3', 'log-screen');
    await page.getByTestId('log-position').click();
    await page.getByRole('option', { name: 'Coalition Duty Officer', exact: true }).click();
    await expect(logRow(page, /./)).toHaveCount(4);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-ics214').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/214.*\.pdf$/i);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByTestId('manifest-sha256')).toHaveText(createHash('sha256').update(bytes).digest('hex'));
    await expect(page.getByTestId('export-manifest')).toContainText('Exercise');
    await page.getByRole('button', { name: 'Done' }).click();

    // Full-text search across the incident's record.
    await goTo(page, 'Alt+4', 'timeline-screen');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('ICU beds');
    const rows = page.getByTestId('timeline-list').getByTestId('timeline-row');
    // The radio entry and the decision whose rationale cites it, newest first.
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-kind', 'decision');
    await expect(rows.nth(1)).toContainText('Baystate reports 6 ICU beds');
    await page.getByTestId('timeline-filters').getByLabel('Type').selectOption('Log entry');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-kind', 'entry');

    // Close period 1 and open period 2 with the same objectives and staffing.
    await goTo(page, 'Alt+2', 'incidents-screen');
    await page.getByTestId('close-period').click();
    await page.getByTestId('confirm-close-period').click();
    await expect(page.getByTestId('topbar-period')).toHaveText('No open period');
    // ICS 202 block 3 for the next period: the carried-over objectives plus one more.
    const next = page.getByTestId('next-objectives');
    await expect(next).toHaveValue(/Account for every patient/);
    await next.fill(`${await next.inputValue()}\nClose the EMS staging area once the last patient has left Mercy.`);
    await openNextPeriod(page, 2);
    await expect(page.getByTestId('objectives')).toContainText('Account for every patient');
    await expect(page.getByTestId('objectives').getByRole('listitem')).toHaveCount(6);
    await expect(page.getByTestId('objectives').getByRole('listitem').last()).toHaveText(/^Close the EMS staging area/);
    await expect(page.getByTestId('staffing')).toContainText('Irene Incident');
  });

  test('a real incident: radio ICS 213 with its actual time and reply, checklist ticks, levels, integrity, closing', async ({ page, host }) => {
    test.setTimeout(150_000);
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await createIncidentFromTemplate(page, { name: 'Regional power outage', template: 'Extended power outage', exercise: false });
    await expect(page.getByTestId('exercise-banner')).toHaveCount(0);
    await expect(page.getByTestId('topbar-period')).toContainText('Period 1 ·');

    // A radio message said 20 minutes ago, typed in now: blocks 5-6 carry the time it was said.
    const saidAt = wallTimeAgo(20);
    await goTo(page, 'Alt+0', 'messages-screen');
    await page.keyboard.press('Control+Shift+M');
    const m = page.getByTestId('message-form');
    await m.getByLabel('Came by / sent by').click();
    await page.getByRole('option', { name: 'Radio', exact: true }).click();
    await m.getByLabel(/Date\/time said/).fill(saidAt);
    await m.getByLabel('From (name)').fill('Chris Charge');
    await m.getByLabel('From (position)').fill('Holyoke Medical Center command');
    await m.getByRole('textbox', { name: /^4\. Subject/ }).fill('Generator fuel');
    await m.getByRole('textbox', { name: /^7\. Message/ }).fill('Generator fuel for 18 hours; request delivery within 12 hours.');
    await m.getByRole('button', { name: 'Record message' }).click();
    const view = page.getByTestId('message-view');
    await expect(view).toContainText('Generator fuel');
    await expect(view.getByTestId('message-time')).toContainText(saidAt);
    await expect(view).toContainText('Typed in from radio');
    await page.getByTestId('reply-message').click();
    await page.getByTestId('reply-form').getByRole('textbox', { name: /Reply/ }).fill('Fuel delivery ordered for 16:00.');
    await page.getByRole('button', { name: 'Record reply' }).click();
    await expect(view).toContainText('Fuel delivery ordered for 16:00.');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-ics213').click();
    expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
    await expect(page.getByTestId('manifest-sha256')).toHaveText(/^[0-9a-f]{64}$/);
    await page.getByRole('button', { name: 'Done' }).click();

    // Checklists from the template: who ticked what and when.
    await goTo(page, 'Alt+2', 'incidents-screen');
    await page.getByRole('tab', { name: 'Checklists' }).click();
    const item = page.getByTestId('checklist-item').filter({ hasText: 'Poll members for facility system status' });
    await item.getByRole('checkbox').click();
    await expect(item.getByRole('checkbox')).toBeChecked();
    await expect(item).toContainText(/Ticked by Dana Duty \(Coalition Duty Officer\), \d\d \w{3} \d{4} \d\d:\d\d E[SD]T/);

    // The coalition's own activation levels.
    await page.getByTestId('edit-levels').click();
    const editor = page.getByTestId('levels-editor');
    await editor.getByPlaceholder('New level name').fill('Enhanced monitoring');
    await editor.getByRole('button', { name: 'Add level' }).click();
    await expect(editor.getByRole('textbox', { name: 'Level name' })).toHaveCount(5);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Integrity' }).click();
    await page.getByTestId('verify-incident').click();
    await expect(page.getByTestId('incident-integrity-result')).toHaveText('Record intact');

    await page.getByTestId('close-incident').click();
    await page.getByLabel('Closing note').fill('Power restored across the region.');
    await page.getByTestId('confirm-close-incident').click();
    await expect(page.getByTestId('incident-detail')).toContainText('Closing note: Power restored across the region.');
    await expect(page.getByTestId('topbar-period')).toHaveText('Incident closed');
  });
});

