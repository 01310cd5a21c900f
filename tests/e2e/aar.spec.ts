import fs from 'node:fs';
import { docxParts, tables } from '../backend/aar/docx-text';
import { expect, test, waitForScreen } from './fixtures/host';
import { loadDemoAndSignIn, pick } from './flows-resources';

test.describe('after-action report and improvement plan', () => {
  test('a planner drafts the demo incident’s report from the record, decides on its proposals, rates, plans a corrective action and exports the DOCX', async ({ page, host }) => {
    test.setTimeout(240_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page, 'Pat Planner');
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByTestId('aar-screen')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('aar-title')).toContainText('Pioneer Valley ice storm');
    await expect(page.getByTestId('aar-status')).toHaveText('DRAFT');
    await page.getByTestId('aar-redraft').click();

    // The record's proposals, each with the records behind it; a link opens one beside the report.
    await page.getByTestId('tab-record').click();
    await expect(page.getByTestId('aar-record')).toHaveAttribute('data-ready', 'true');
    // Three proposals: two from the record (with links) and one from facility status (a missed deadline).
    const open = page.locator('[data-testid="candidate"][data-status="candidate"]');
    await expect(open).toHaveCount(3);
    await expect(open.filter({ hasText: 'missed the' })).toHaveCount(1);
    const linked = open.filter({ has: page.getByTestId('evidence-link') });
    await expect(linked).toHaveCount(2);
    await linked.first().getByTestId('evidence-link').first().click();
    const drawer = page.getByTestId('evidence-drawer');
    await expect(drawer.getByRole('dialog')).toBeVisible();
    await expect(drawer.getByRole('dialog')).toContainText(/Activity log entry|Resource request/);
    await page.keyboard.press('Escape');
    await expect(drawer.getByRole('dialog')).toBeHidden();
    await linked.last().getByTestId('evidence-link').first().click();
    await expect(drawer.getByRole('dialog')).toContainText(/RR-\d{4}/);
    await page.keyboard.press('Escape');
    // One at a time: the next click waits until the accepted card has left the open list
    // (clicking ahead could land on the card just accepted, before the list re-renders).
    for (let left = 2; left >= 0; left--) {
      await open.first().getByTestId('candidate-accept').click();
      await expect(open).toHaveCount(left);
    }

    // A strength and an area for improvement of the planner's own, tied to a capability.
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('add-strength').click();
    let form = page.getByTestId('observation-form');
    await form.getByLabel('Title').fill('Hospitals reported generator fuel every 6 hours without reminders');
    await pick(page, form, 'Capability', 'Information Management');
    await form.getByRole('button', { name: 'Add strength' }).click();
    await expect(form).toBeHidden();
    // The page brings the strength added into view: clicked while it moved, the next button was missed.
    await expect(page.getByText('Hospitals reported generator fuel every 6 hours without reminders', { exact: true })).toBeInViewport();
    await page.getByTestId('add-afi').click();
    form = page.getByTestId('observation-form');
    await form.getByLabel('Title').fill('Fuel deliveries were tracked on paper at the EOC');
    await pick(page, form, 'Capability', 'Resources');
    await form.getByLabel('Root cause').fill('No fuel tracking board in the EOC');
    await form.getByRole('button', { name: 'Add area for improvement' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('observation').filter({ hasText: 'Fuel deliveries were tracked on paper' })).toBeVisible();

    // Rate an objective: the second capability of objective 2 is unrated in the demo.
    const rating = page.getByTestId('objective').nth(1).getByTestId('rating-row').first();
    await rating.getByText('U', { exact: true }).click();
    await expect(rating).toContainText('Unable to be performed');

    // A corrective action: Planning, a responsible organisation from the directory, a due date.
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('add-action').click();
    const action = page.getByTestId('action-form');
    await pick(page, action, 'Area for improvement', 'Fuel deliveries were tracked on paper');
    await action.getByLabel('Corrective action').fill('Set up a fuel delivery board in the EOC with a named fuel coordinator');
    await pick(page, action, 'Capability element', 'Planning');
    const org = await pick(page, action, 'Primary responsible organisation', 'Coalition');
    await action.getByLabel('Completion (due) date').fill('2027-03-31');
    await action.getByRole('button', { name: 'Add corrective action' }).click();
    await expect(action).toBeHidden();
    const row = page.getByTestId('action-row').filter({ hasText: 'fuel delivery board' });
    await expect(row).toContainText('Planning');
    await expect(row).toContainText('2027-03-31');
    await expect(row).toContainText('Open');
    // The demo's overdue and recurring actions say so in words.
    await expect(page.locator('[data-testid="action-row"][data-overdue="true"]')).toContainText(/Overdue by \d+ day/);
    await expect(page.getByTestId('action-row').filter({ hasText: 'Recurring' })).toHaveCount(1);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('aar-export-docx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^DEMO-EXERCISE_AAR-IP_.*\.docx$/);
    const body = docxParts(new Uint8Array(fs.readFileSync(await download.path()))).get('word/document.xml')!;
    const plan = tables(body).find((t) => t[0]![2] === 'Corrective action')!;
    const mine = plan.find((r) => r[2] === 'Set up a fuel delivery board in the EOC with a named fuel coordinator')!;
    expect(mine.slice(0, 5)).toEqual(['5 Resources', 'Fuel deliveries were tracked on paper at the EOC', 'Set up a fuel delivery board in the EOC with a named fuel coordinator', 'Planning', org.trim()]);
    expect(mine[7]).toBe('2027-03-31');
  });

  test('an exercise planned on the calendar opens as an exercise incident whose report starts from its objectives', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page, 'Pat Planner');
    await page.keyboard.press('Control+Shift+X');
    await expect(page.getByTestId('exercises-screen')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('exercise-row')).toHaveCount(8);
    await page.getByTestId('new-exercise').click();
    const form = page.getByTestId('exercise-form');
    await form.getByLabel('Title').fill('Hospital evacuation drill');
    await pick(page, form, 'Type', 'Drill');
    await form.getByLabel('Start date').fill('2027-05-12');
    await form.getByRole('button', { name: 'Add to the calendar' }).click();
    await expect(page.getByTestId('exercise-title')).toHaveText('Hospital evacuation drill');
    await expect(page.getByTestId('exercise-state')).toHaveText('Planned');

    const objectives = page.getByTestId('exercise-objectives');
    await page.getByTestId('add-objective').click();
    await objectives.getByLabel('Objective 1', { exact: true }).fill('Move 20 patients to receiving hospitals within 2 hours');
    await pick(page, objectives, 'Capabilities of objective 1', 'Patient Movement');
    await page.keyboard.press('Escape');
    await page.getByTestId('save-objectives').click();
    await expect(page.getByTestId('save-objectives')).toBeHidden();

    await page.getByTestId('exercise-open').click();
    await expect(page.getByTestId('exercise-state')).toHaveText('Running as an exercise incident');
    await expect(page.getByTestId('topbar-incident')).toHaveText('Hospital evacuation drill');
    await page.getByTestId('exercise-aar').click();
    await waitForScreen(page, 'console');
    await page.getByTestId('aar-draft').click();
    await expect(page.getByTestId('aar-title')).toHaveText('After-action report: Hospital evacuation drill');
    await page.getByTestId('tab-analysis').click();
    const objective = page.getByTestId('objective');
    await expect(objective).toHaveCount(1);
    await expect(objective).toContainText('Move 20 patients to receiving hospitals within 2 hours');
    await expect(objective.getByTestId('rating-row')).toContainText('3 Patient Movement and Distribution');
    // No area for improvement yet: a corrective action cannot be added, and the button says why.
    await page.getByTestId('tab-plan').click();
    await expect(page.getByTestId('add-action')).toBeDisabled();
    await expect(page.getByTestId('add-action')).toHaveAccessibleDescription('Accept or add an area for improvement first.');
  });

  test('Final is asked first, saying what it means and what is still open; refused, naming the section, while a section holds two versions; the Status list takes typed text', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page, 'Pat Planner');
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByTestId('aar-screen')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('aar-status')).toHaveText('DRAFT');
    // The demo's summary holds two versions saved at the same time: typed "fin" and Enter take Final, which is refused in words.
    const status = page.getByRole('combobox', { name: 'Status', exact: true });
    const final = async () => {
      // As Tab into it leaves it: the value selected, replaced by what is typed.
      await status.selectText();
      await page.keyboard.type('fin');
      await page.keyboard.press('Enter');
    };
    await final();
    await expect(page.getByTestId('aar-settings-error')).toContainText('Not made final: “Summary of the event” (2 versions) holds versions saved at the same time');
    await expect(page.getByTestId('aar-final-confirm')).toHaveCount(0);
    await expect(page.getByTestId('aar-status')).toHaveText('DRAFT');

    // Reconciled, Final is asked: what it means, and the unwritten conclusion and the open incident.
    const summary = page.getByTestId('section-summary');
    await summary.getByRole('button', { name: 'Keep this version' }).first().click();
    await expect(summary.getByTestId('section-conflict')).toBeHidden();
    // The refusal goes with what it was about.
    await expect(page.getByTestId('aar-settings-error')).toBeHidden();
    await final();
    const ask = page.getByRole('dialog', { name: 'Make this after-action report final?' });
    await expect(ask).toContainText('its text, objectives, ratings and observations are locked');
    await expect(ask.getByTestId('aar-final-warnings')).toContainText('Not written yet: Conclusion');
    await expect(ask.getByTestId('aar-final-warnings')).toContainText('is still open');
    await ask.getByRole('button', { name: 'Keep it a draft' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByTestId('aar-status')).toHaveText('DRAFT');
    await final();
    await page.getByTestId('aar-final-confirm').click();
    await expect(page.getByTestId('aar-status')).toHaveText('Final');

    // Final is locked as issued, said in words with who and when; the improvement plan is still tracked.
    await expect(page.getByTestId('aar-final-notice')).toContainText(/Final since .*, made final by Pat Planner \(Coalition Duty Officer\)/);
    await expect(page.getByTestId('aar-final-notice')).toContainText('corrective actions are still tracked');
    await expect(page.getByText('Exercise still open: this final report keeps its figures as they stood when it was made final.')).toBeVisible();
    await expect(summary.getByRole('button', { name: 'Edit Summary of the event' })).toHaveCount(0);
    // Refresh is refused, and says why to the keyboard too: still a Tab stop, announced as
    // unavailable with its reason, which is shown under it (a hover title reached only a mouse).
    const redraft = page.getByTestId('aar-redraft');
    await page.getByTestId('aar-export-docx').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(redraft).toBeFocused();
    await expect(redraft).toBeDisabled();
    await expect(redraft).toHaveAccessibleDescription('A final report is not refreshed: set it back to Draft first.');
    await expect(page.getByTestId('aar-redraft-reason')).toBeVisible();
    await expect(page.getByLabel('Handling marking')).toBeDisabled();
    await page.getByTestId('tab-analysis').click();
    await expect(page.getByTestId('aar-analysis')).toBeVisible();
    await expect(page.getByLabel('Add an objective')).toHaveCount(0);
    await expect(page.getByTestId('add-strength')).toHaveCount(0);
    await expect(page.getByTestId('aar-analysis').getByRole('button', { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByTestId('aar-analysis').getByRole('button', { name: /^Add corrective action for / }).first()).toBeEnabled();
    // Its figures from the record are the ones kept when it was made final, said in words.
    await page.getByTestId('tab-record').click();
    await expect(page.getByTestId('aar-record-source')).toContainText('the record as it stood when the report was made final');

    // Back to Draft is asked, and then everything is editable again.
    await page.getByRole('tab', { name: 'Report' }).click();
    await status.selectText();
    await page.keyboard.type('dra');
    await page.keyboard.press('Enter');
    const reopen = page.getByRole('dialog', { name: 'Set this final report back to Draft?' });
    await expect(reopen).toContainText('The record keeps who set it back, and when');
    await reopen.getByRole('button', { name: 'Set it back to Draft' }).click();
    await expect(page.getByTestId('aar-status')).toHaveText('DRAFT');
    await expect(page.getByTestId('aar-final-notice')).toHaveCount(0);
    await expect(summary.getByRole('button', { name: 'Edit Summary of the event' })).toBeVisible();
    await page.getByTestId('tab-record').click();
    await expect(page.getByTestId('aar-record-source')).toContainText('read from the record now');
  });

  test('Accept takes the focus to the next proposal’s Accept; a refused corrective action takes it to the completion date; one added is said', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page, 'Pat Planner');
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByTestId('aar-screen')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('tab-record').click();
    await expect(page.getByTestId('aar-record')).toHaveAttribute('data-ready', 'true');
    const open = page.locator('[data-testid="candidate"][data-status="candidate"]');
    await expect(open).toHaveCount(3);
    // By the keyboard alone: Enter on Accept, and the next card's Accept has the focus, then the last one's, then the heading.
    await open.first().getByTestId('candidate-accept').focus();
    for (let left = 2; left >= 1; left--) {
      await page.keyboard.press('Enter');
      await expect(open).toHaveCount(left);
      await expect(open.first().getByTestId('candidate-accept')).toBeFocused();
    }
    await page.keyboard.press('Enter');
    await expect(open).toHaveCount(0);
    await expect(page.getByTestId('aar-proposals-heading')).toBeFocused();

    await page.getByTestId('tab-analysis').click();
    const afi = page.locator('[data-testid="observation"][data-kind="afi"]').first();
    const title = (await afi.getByTestId('observation-title').textContent())!.trim();
    await afi.getByRole('button', { name: 'Add corrective action' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('Corrective action').fill('Sign the generator vendor agreement');
    await pick(page, form, 'Capability element', 'Planning');
    await form.getByLabel('Start date').fill('2026-12-08');
    const due = form.getByLabel('Completion (due) date');
    await due.fill('2026-11-01');
    await form.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Control+Enter');
    await expect(due).toBeFocused();
    await expect(due).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('field-attention')).toContainText('Completion (due) date');
    await due.fill('2027-01-31');
    await page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
    const said = page.locator('.mantine-Notification-root').filter({ hasText: 'Corrective action added' });
    await expect(said).toContainText('“Sign the generator vendor agreement”');
    await expect(said).toContainText(title);
  });
});
