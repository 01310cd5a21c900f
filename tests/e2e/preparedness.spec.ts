import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { pdfPagesText } from '../backend/export/pdf-text';
import { createIncidentFromTemplate, goTo } from './flows-incident';
import { loadDemoAndSignIn } from './flows-resources';
import { expect, test } from './fixtures/host';
import { slowBackend } from './fixtures/slow-backend';

async function surgePlanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('7. Hospital surge triggers', { x: 50, y: 720, size: 16, font });
  page.drawText('Declare regional surge when three hospitals report zero ICU beds.', { x: 50, y: 690, size: 10, font });
  return Buffer.from(await doc.save());
}

async function prepTab(page: Page, tab: string): Promise<void> {
  await goTo(page, 'Control+Shift+P', 'preparedness-screen');
  await page.getByRole('tab', { name: tab }).click();
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync((await d.path())!);
}

test.describe('preparedness', () => {
  test.use({ actionTimeout: 15_000 });

  test('plans found by their words and cited by a decision; the activation sheet on one page; a call-down; an HVA; a CAP alert', async ({ page, host }) => {
    test.setTimeout(180_000);
    const sent = await slowBackend(page, { 'calldown.attempt': 500 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);

    // A plan uploaded and found by a word in its text.
    await prepTab(page, 'Plans');
    await page.getByTestId('add-plan').click();
    const up = page.getByTestId('plan-upload-form');
    await up.locator('input[type=file]').setInputFiles({ name: 'surge-annex.pdf', mimeType: 'application/pdf', buffer: await surgePlanPdf() });
    await up.getByRole('textbox', { name: /^Title/ }).fill('Hospital Surge Annex');
    await up.getByRole('textbox', { name: /^Owner/ }).fill('Hospital subcommittee');
    await up.getByRole('textbox', { name: /^Version/ }).fill('v1');
    await up.getByLabel(/^Effective date/).fill('2026-01-15');
    await up.getByRole('button', { name: 'Add to library' }).click();
    await expect(up).toBeHidden();
    await page.getByTestId('plan-search').fill('zero ICU');
    const hit = page.getByTestId('plan-hit').first();
    await expect(hit).toContainText('Hospital Surge Annex v1 · § 7. Hospital surge triggers');
    await hit.getByRole('button').click();
    await expect(page.getByTestId('plan-section-body')).toContainText('three hospitals report zero ICU beds');

    // A decision cites that section, and the citation opens it.
    await goTo(page, 'Alt+5', 'decisions-screen');
    await page.keyboard.press('Control+Shift+D');
    const d = page.getByTestId('decision-form');
    await d.getByRole('textbox', { name: /^Title/ }).fill('Declare regional surge');
    await d.getByRole('textbox', { name: /^Decision/ }).fill('Regional surge declared from 14:00');
    await d.getByRole('textbox', { name: /^Rationale/ }).fill('Three hospitals report no ICU beds');
    await d.getByRole('combobox', { name: /^Authority/ }).click();
    await page.getByRole('option', { name: 'Coalition Response Plan' }).click();
    await d.getByRole('combobox', { name: /^Cites a plan section/ }).fill('surge triggers');
    await page.getByRole('option', { name: /Hospital Surge Annex v1 · § 7\. Hospital surge triggers/ }).click();
    await d.getByRole('button', { name: 'Record decision' }).click();
    await page.getByTestId('open-citation').click();
    await expect(page.getByTestId('preparedness-screen')).toBeVisible();
    await expect(page.getByTestId('plan-section-heading')).toContainText('7. Hospital surge triggers');

    // The activation sheet prints on one page, with the numbers the directory has.
    await prepTab(page, 'Activation sheet');
    const firstNumber = (await page.getByTestId('first-call').first().locator('.mantine-Text-root').last().textContent())!.trim();
    expect(firstNumber).toMatch(/^\d{3}-555-\d{4}$/);
    const sheet = await download(page, () => page.getByTestId('print-activation-sheet').click());
    const pages = await pdfPagesText(sheet);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(firstNumber);

    // A call-down of five: two reached, one voicemail.
    await prepTab(page, 'Call-down');
    await page.getByTestId('start-calldown').click();
    const form = page.getByTestId('calldown-start-form');
    await form.getByRole('textbox', { name: /^Title/ }).fill('Five first calls');
    await form.getByText('Chosen contacts').click();
    await form.getByRole('combobox', { name: 'Contacts' }).click();
    for (let i = 0; i < 5; i++) await page.getByRole('option').nth(i).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Start the call-down' }).click();
    await expect(page.getByTestId('calldown-progress')).toHaveText('0 of 5 reached');
    const toReach = page.getByTestId('to-reach');
    for (const who of ['House supervisor Ortiz', 'Administrator Chen']) {
      await toReach.getByRole('button', { name: /^Reached: / }).first().click();
      await page.getByRole('textbox', { name: /^Who acknowledged/ }).fill(who);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter'); // pressed again while the call travels: recorded once
      await expect(page.getByTestId('reached')).toContainText(who);
    }
    await toReach.getByRole('button', { name: /^Left voicemail: / }).first().click();
    await expect(page.getByTestId('calldown-progress')).toHaveText('2 of 5 reached');
    await expect(toReach.getByTestId('calldown-target')).toHaveCount(3);
    await expect(toReach.locator('[data-status="voicemail"]')).toHaveCount(1);
    expect(sent['calldown.attempt']).toBe(3);

    // An HVA scored and charted.
    await prepTab(page, 'Hazard vulnerability');
    await page.getByTestId('add-hazard').click();
    const hz = page.getByTestId('hazard-form');
    await hz.getByRole('textbox', { name: /^Hazard/ }).fill('Regional drought');
    await hz.getByRole('radiogroup', { name: 'Probability' }).getByText('3 High').click();
    await hz.getByRole('radiogroup', { name: 'Human impact' }).getByText('3 High').click();
    await hz.getByRole('radiogroup', { name: 'Business impact' }).getByText('3 High').click();
    await expect(page.getByTestId('hazard-risk')).toHaveText('Probability 100% × severity 33% = relative risk 33%');
    await hz.getByRole('button', { name: 'Add hazard' }).click();
    await expect(page.getByTestId('hva-table')).toContainText('Regional drought');
    await expect(page.getByTestId('hva-chart')).toContainText('Regional drought');
    await expect(page.getByTestId('hva-chart')).toContainText('33%');

    // A CAP alert authored and exported.
    await prepTab(page, 'Public warning');
    await page.getByTestId('author-alert').click();
    const a = page.getByTestId('alert-form');
    await a.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Extreme heat' }).click();
    await a.getByRole('textbox', { name: /^Area$/ }).fill('Hampden County, Massachusetts');
    // The demonstration coalition's alerts go out as Test, and the form says so before issuing.
    await expect(a.getByRole('textbox', { name: 'Status' }).or(a.getByRole('combobox', { name: 'Status' }))).toHaveValue('Test');
    const xml = (await download(page, () => a.getByRole('button', { name: 'Issue alert' }).click())).toString('utf8');
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(xml).toContain('<status>Test</status>');
    expect(xml).toContain('<areaDesc>Hampden County, Massachusetts</areaDesc>');
    await expect(page.getByTestId('alert-row').first()).toContainText('Dangerous heat expected');

    // A new incident brings up the activation sheet, first calls and all.
    await createIncidentFromTemplate(page, { name: 'Valley flood', template: 'Hospital evacuation', exercise: false });
    const shown = page.getByRole('dialog', { name: 'How to activate the region' });
    await expect(shown.getByTestId('first-call').first()).toContainText(firstNumber);
    // The sheet's own Close button (the dialog's corner button is named Close too).
    await shown.getByRole('button', { name: 'Close' }).last().click();
    await expect(shown).toBeHidden();
  });

  test('a plan added by keyboard: the title typed after choosing the file replaces the one from its name, dates typed YYYY-MM-DD, the kind typed', async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await prepTab(page, 'Plans');
    await page.getByTestId('add-plan').click();
    const up = page.getByTestId('plan-upload-form');
    const title = up.getByRole('textbox', { name: /^Title/ });
    await expect(title).toBeFocused();
    // Choosing the document fills the empty title from its name, selected: typing replaces it.
    await up.locator('input[type=file]').setInputFiles({ name: 'fuel-annex.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Fuel\nDiesel for 72 hours at every hospital.\n') });
    await expect(title).toHaveValue('fuel annex');
    await page.keyboard.type('Generator fuel annex');
    await expect(title).toHaveValue('Generator fuel annex');
    // Kind takes typed text, Enter the first option found (Ctrl+A first: the field shows the kind chosen).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('anne');
    await page.keyboard.press('Enter');
    await expect(up.getByRole('combobox', { name: 'Kind' })).toHaveValue('Annex');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Logistics subcommittee');
    await page.keyboard.press('Tab');
    await expect(up.getByRole('textbox', { name: /^Version/ })).toHaveAttribute('placeholder', 'e.g. v3.2');
    await page.keyboard.type('v1.0');
    // A date is one field typed YYYY-MM-DD, as everywhere in the console, not mm/dd/yyyy in parts.
    await page.keyboard.press('Tab');
    const effective = up.getByRole('textbox', { name: /^Effective date/ });
    await expect(effective).toBeFocused();
    await page.keyboard.type('12072026');
    await page.keyboard.press('Tab');
    await expect(up.getByRole('textbox', { name: /^Review by/ })).toBeFocused();
    await page.keyboard.type('2027-12-07');
    await page.keyboard.press('Control+Enter');
    await expect(up.getByText('Type the effective date as YYYY-MM-DD, e.g. 2026-11-25')).toBeVisible();
    await expect(effective).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2026-12-07');
    await page.keyboard.press('Control+Enter');
    await expect(up).toBeHidden();
    const row = page.getByTestId('plan-row').filter({ hasText: 'Generator fuel annex' });
    await expect(row).toContainText('v1.0, effective 2026-12-07');
    await expect(row).not.toContainText('fuel annexGenerator');
  });

  test('a service by keyboard: its type typed, Enter the first found; a phone that cannot be dialled said before sending', async ({ page, host }) => {
    test.setTimeout(120_000);
    const sent = await slowBackend(page, { 'service.save': 0 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await prepTab(page, 'Services');
    await page.getByRole('button', { name: 'Add a service' }).click();
    const f = page.getByTestId('service-form');
    await expect(f.getByRole('textbox', { name: /^Name/ })).toBeFocused();
    await page.keyboard.type('Pittsfield library warming center');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('warm');
    await page.keyboard.press('Enter');
    await expect(f.getByRole('combobox', { name: 'Type' })).toHaveValue('Warming center');
    await page.keyboard.press('Tab');
    await page.keyboard.type('08:00-22:00 during outages');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const phone = f.getByRole('textbox', { name: 'Phone' });
    await expect(phone).toBeFocused();
    await page.keyboard.type('413 555 015');
    await f.getByRole('textbox', { name: /^Town/ }).fill('Pittsfield');
    await page.keyboard.press('Control+Enter');
    await expect(f.getByText('Phone has 9 digits: a North American number has 10, such as 413-555-0100 (a number abroad starts with + and its country code)')).toBeVisible();
    await expect(phone).toBeFocused();
    expect(sent['service.save']).toBe(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('413-555-0160');
    await page.keyboard.press('Control+Enter');
    await expect(f).toBeHidden();
    await expect(page.getByTestId('service-row').filter({ hasText: 'Pittsfield library warming center' })).toContainText('Warming center');
  });

  test('the activation sheet: a first call’s number that cannot be dialled is said under its own row before sending, a blank row above it or not', async ({ page, host }) => {
    test.setTimeout(120_000);
    const sent = await slowBackend(page, { 'activation.save': 0 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await prepTab(page, 'Activation sheet');
    await page.getByRole('button', { name: 'Edit (new version)' }).click();
    const f = page.getByTestId('activation-form');
    const before = await f.getByRole('textbox', { name: /^First call \d+: phone$/ }).count();
    await f.getByRole('button', { name: 'Add a first call' }).click();
    // The new row's first field takes the focus, where its typing starts.
    await expect(f.getByRole('textbox', { name: `First call ${before + 1}: who` })).toBeFocused();
    await f.getByRole('button', { name: 'Add a first call' }).click();
    const rows = before + 2;
    await expect(f.getByRole('textbox', { name: `First call ${rows}: who` })).toBeFocused();
    // The last row holds the bad number; the one above it stays blank and is not sent.
    await f.getByRole('textbox', { name: `First call ${rows}: who` }).fill('State warning point');
    const phone = f.getByRole('textbox', { name: `First call ${rows}: phone` });
    await phone.fill('413 555 01');
    await page.keyboard.press('Control+Enter');
    await expect(f.getByText(`First call ${rows}: Phone has 8 digits: a North American number has 10`)).toBeVisible();
    // The field itself says why, to a screen reader sent to it.
    await expect(f.getByRole('textbox', { name: `First call ${rows}: phone` })).toHaveAccessibleDescription(/^Phone has 8 digits/);
    await expect(phone).toBeFocused();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(sent['activation.save']).toBe(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('413-555-0177');
    await page.keyboard.press('Control+Enter');
    await expect(f).toBeHidden();
    await expect(page.getByTestId('first-call').filter({ hasText: 'State warning point' })).toContainText('413-555-0177');
  });
});
