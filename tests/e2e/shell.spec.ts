import { expect, test, waitForScreen } from './fixtures/host';
import { slowBackend } from './fixtures/slow-backend';
import { completeSetup, signIn } from './flows';
import { logRow, quickLog } from './flows-incident';
import { boardRow, loadDemoAndSignIn } from './flows-resources';

test.describe('the shell, as an operator trips over it', () => {
  test('opens the console on an exercise with its banner already in place: nothing jumps as the answers arrive', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page); // the demo's incident is an exercise
    // The console opened afresh, every layout shift counted from the first frame.
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.reload();
    await waitForScreen(page, 'console');
    await expect(page.getByTestId('exercise-banner')).toBeVisible();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The banner arriving after the frame was drawn pushed the whole console down by 28 px: a shift of about 0.1.
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.05);
  });

  test('keeps working when the workstation drops off the network: saves and reads go to its own backend', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    // The OS says the network is gone (a cable pulled, Wi-Fi off): the page gets 'offline'.
    // The backend is this workstation's own (loopback here, IPC under Electron), so nothing
    // may wait for the network to come back; before, every save and read paused from here.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
    });
    await quickLog(page, 'Network down at the EOC: working offline');
    await page.keyboard.press('Alt+3');
    await expect(logRow(page, 'Network down at the EOC: working offline')).toBeVisible();
  });

  test('Ctrl+Enter saves a dialog, once, however often it is pressed while the save travels', async ({ page, host }) => {
    const sent = await slowBackend(page, { 'log.append': 1000 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Control+L');
    const form = page.getByTestId('quick-entry-form');
    await expect(form.getByLabel('What happened')).toBeFocused();
    await page.keyboard.type('Mercy ED: 4 ambulances holding');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
    expect(sent['log.append']).toBe(1);
  });

  test('a decision and an ICS 213 message are recorded once, however often Ctrl+Enter is pressed while the save travels', async ({ page, host }) => {
    const sent = await slowBackend(page, { 'decision.record': 1000, 'message.record': 1000 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);

    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await d.getByRole('textbox', { name: /^Title/ }).fill('Open the Holyoke warming centre');
    await d.getByRole('textbox', { name: /^Decision/ }).fill('Open the warming centre at the Holyoke senior center from 18:00');
    await d.getByRole('textbox', { name: /^Rationale/ }).fill('Power out in Holyoke for 20 hours; overnight low of -12 C');
    await d.getByTestId('decision-authority').fill('CONOPS 4.2');
    await d.getByRole('textbox', { name: /^Rationale/ }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(d).toBeHidden();
    expect(sent['decision.record']).toBe(1);
    await expect(page.getByTestId('decision-list').getByText('Open the Holyoke warming centre', { exact: true })).toHaveCount(1);

    await page.keyboard.press('Control+Shift+M');
    const m = page.getByTestId('message-form');
    await m.getByLabel('From (name)').fill('Chris Charge');
    await m.getByLabel('From (position)').fill('Holyoke Medical Center command');
    await m.getByRole('textbox', { name: /^4\. Subject/ }).fill('Warming centre cots');
    await m.getByRole('textbox', { name: /^7\. Message/ }).fill('40 cots needed at the Holyoke warming centre by 18:00.');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    await expect(m).toBeHidden();
    expect(sent['message.record']).toBe(1);
    await expect(page.getByTestId('message-list').getByText('Warming centre cots', { exact: true })).toHaveCount(1);
  });

  test('an incident started by keyboard alone: Alt+Shift+I, its name, Ctrl+Enter asks real or exercise and takes the focus there; Space and Ctrl+Enter start it', async ({ page, host }) => {
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    // An empty coalition says so, not "0 of 0, all have reported".
    await expect(page.getByTestId('sit-reporting')).toContainText('no member reports facility status yet');
    await page.keyboard.press('Alt+Shift+I');
    const form = page.getByTestId('create-incident-form');
    await expect(form.getByLabel(/Incident name/)).toBeFocused();
    await page.keyboard.type('Ice storm, Pioneer Valley');
    await page.keyboard.press('Control+Enter');
    // The question above the name is the field that needs an answer: said, and focused.
    await expect(page.getByTestId('field-attention')).toContainText('One field needs attention: This is');
    await expect(form.getByRole('radio', { name: 'A real incident' })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('topbar-incident')).toHaveText('Ice storm, Pioneer Valley');
    await expect(form).toBeHidden();
    // The empty directory says what to do, not that no organisation matches the filters.
    await page.keyboard.press('Alt+8');
    await expect(page.getByTestId('directory-empty')).toHaveText(/^No organisation in the directory yet/);
  });

  test('the first hospital of a new coalition by keyboard: in a list field that starts empty, a few letters and Enter take the first option found', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.keyboard.press('Alt+8');
    await expect(page.getByTestId('directory-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const org = page.getByTestId('organisation-form');
    await expect(org.getByLabel(/^Organisation name/)).toBeFocused();
    await page.keyboard.type('Baystate Medical Center');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hosp');
    await page.keyboard.press('Enter');
    await expect(org.getByRole('combobox', { name: 'Discipline' })).toHaveValue('Hospital');
    await expect(org.getByRole('combobox', { name: 'Member type' })).toHaveValue('Core member');
    await expect(page.getByText('Enter does not save this form')).toHaveCount(0);
    // Chosen, then retyped: the list opens on the current value, the first found is the one
    // highlighted, and Enter takes it (before, Enter left "y" in the field).
    await expect(org.getByRole('combobox', { name: 'Discipline' })).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('y');
    await page.keyboard.press('Enter');
    await expect(org.getByRole('combobox', { name: 'Discipline' })).toHaveValue('Emergency management');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('hosp');
    await page.keyboard.press('Enter');
    await expect(org.getByRole('combobox', { name: 'Discipline' })).toHaveValue('Hospital');
    await org.getByLabel(/^Town/).fill('Springfield');
    await page.keyboard.press('Control+Enter');
    await expect(org).toBeHidden();
    await expect(page.getByTestId('directory-empty')).toHaveCount(0);
  });

  test('a setting chosen with the arrows and Enter is saved once: one change, one audit entry', async ({ page, host }) => {
    const sent = await slowBackend(page, { 'settings.update': 0 });
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.keyboard.press('Alt+9');
    const lockAfter = page.getByTestId('lock-panel').getByRole('combobox', { name: /^Lock this console/ });
    await lockAfter.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(lockAfter).not.toHaveValue(/Never/);
    await page.waitForTimeout(500);
    expect(sent['settings.update']).toBe(1);
  });

  test('first-run setup shows the workstation’s own zone, and says so when it is UTC', async ({ browser, host }) => {
    for (const [timezoneId, shown] of [['UTC', 'UTC'], ['America/Chicago', 'America/Chicago']] as const) {
      const context = await browser.newContext({ timezoneId });
      const page = await context.newPage();
      await page.goto(host.url);
      await waitForScreen(page, 'setup');
      await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(shown);
      await expect(page.getByTestId('zone-warning')).toHaveCount(shown === 'UTC' ? 1 : 0);
      await context.close();
    }
  });

  test('every shortcut works from any screen and is in the palette; Esc on a typed form asks first', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+1');

    // The palette lists the other screens' shortcuts from the Overview.
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Command' }) });
    for (const label of ['New incident or exercise', 'Record a decision', 'Record a message (ICS 213)', 'New resource request (ICS 213RR)', 'Search the timeline', 'Transcribe a paper or radio log', /Take the next step on this request/]) {
      await expect(palette.getByText(label)).toBeVisible();
    }
    await page.keyboard.press('Escape');

    // A decision from the Overview: the shortcut opens the form on its screen.
    await page.keyboard.press('Control+Shift+D');
    const form = page.getByTestId('decision-form');
    await expect(form).toBeVisible();
    await form.getByRole('textbox', { name: /^Title/ }).fill('Open a warming centre');
    // Authority is free text: a plan and section stays after the field loses focus.
    await form.getByTestId('decision-authority').fill('CONOPS 4.2');
    await form.getByRole('textbox', { name: /^Title/ }).focus();
    await expect(form.getByTestId('decision-authority')).toHaveValue('CONOPS 4.2');

    // Esc asks; Enter keeps the work (Keep editing has the focus).
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('discard-prompt')).toBeVisible();
    await expect(page.getByTestId('keep-editing')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('discard-prompt')).toBeHidden();
    await expect(form.getByRole('textbox', { name: /^Title/ })).toHaveValue('Open a warming centre');
    await expect(form.getByRole('textbox', { name: /^Title/ })).toBeFocused();
    // Esc twice keeps it too, as its button says: a second Esc in haste never discards.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('keep-editing')).toHaveText(/Keep editing\s*Esc/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('discard-prompt')).toBeHidden();
    await expect(form.getByRole('textbox', { name: /^Title/ })).toHaveValue('Open a warming centre');
    // Esc, then Discard: gone, and focus is still somewhere visible on the screen.
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-discard').click();
    await expect(form).toBeHidden();
    await expect(page.locator(':focus')).toHaveCount(1);

    // An untouched form closes on Esc without asking.
    await page.keyboard.press('Control+Shift+M');
    await expect(page.getByRole('dialog', { name: 'Record a message (ICS 213)' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Record a message (ICS 213)' })).toBeHidden();

    // A new incident from any screen: the first thing done in an activation.
    await page.keyboard.press('Alt+Shift+I');
    await expect(page.getByTestId('incidents-screen')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'New incident or exercise' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'New incident or exercise' })).toBeHidden();

    // The timeline's search from another screen.
    await page.keyboard.press('Control+F');
    await expect(page.getByTestId('timeline-screen')).toBeVisible();
    await expect(page.getByRole('textbox', { name: /Search/ }).first()).toBeFocused();

    // A request's next step from elsewhere says where it works.
    await page.keyboard.press('Alt+Enter');
    await expect(page.getByText('This works on an open request')).toBeVisible();

    // With a dialog open, the keys that move to another screen do nothing: the screen
    // would change under the dialog, which stayed open over it. Esc still closes it.
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('situation-board')).toBeVisible();
    const overview = page.url();
    await page.keyboard.press('Control+L');
    const quick = page.getByTestId('quick-entry-form');
    await expect(quick.getByLabel('What happened')).toBeFocused();
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Control+Shift+M');
    expect(page.url()).toBe(overview);
    await expect(quick.getByLabel('What happened')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(quick).toBeHidden();
    await expect(page.getByTestId('situation-board')).toBeVisible();
    expect(page.url()).toBe(overview);
    // Closed, they work again; and the palette, a dialog itself, still moves between screens.
    await page.keyboard.press('Alt+3');
    await expect(page.getByTestId('log-screen')).toBeVisible();
    await page.keyboard.press('Control+K');
    await palette.getByRole('textbox', { name: 'Command' }).fill('Go to Decisions');
    await palette.getByText('Go to Decisions').click();
    await expect(page.getByTestId('decisions-screen')).toBeVisible();
    await expect(palette).toBeHidden();
    // A record's drawer belongs to its screen, not a dialog to finish: the keys still move on.
    await page.keyboard.press('Alt+4');
    await page.getByTestId('timeline-row').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByTestId('log-screen')).toBeVisible();
  });

  test('one click opens a request; Alt+Enter takes the primary step, not “Return for changes”', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await boardRow(page, '');
    const submitted = page.locator('[data-testid="board-row"][data-status="submitted"]').first();
    const number = (await submitted.getAttribute('data-number'))!;
    await submitted.click();
    await expect(page.getByTestId('request-number')).toHaveText(number);
    await expect(page.getByTestId('action-approve')).toBeVisible();
    await page.keyboard.press('Alt+Enter');
    await expect(page.getByRole('dialog', { name: `${number}: Approve` })).toBeVisible();
  });
});
