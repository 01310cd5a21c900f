import { expect, test } from './fixtures/host';
import { completeSetup, signIn } from './flows';
import {
  boardRow,
  createRequest,
  csvFile,
  filledFrom,
  inventoryRow,
  loadDemoAndSignIn,
  num,
  openBoard,
  openFromBoard,
  pick,
  sourceLine,
  step,
} from './flows-resources';
import { slowBackend } from './fixtures/slow-backend';
import { earlierThanNow } from './wall-clock';

const N95 = { organisation: 'Long-term care', quantity: 500, kind: 'N95 respirator', description: 'Fit-tested N95, size regular' };

test.describe('resource requests, inventory and the directory', () => {
  test('a long-term care facility’s N95 request goes from draft to closure, filled from a cache and a member', async ({ page, host }) => {
    // The whole 213RR lifecycle through the UI: some twenty steps, each waiting on the app.
    test.setTimeout(420_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const number = await createRequest(page, { ...N95, urgent: true });

    // On the board as an urgent draft, said in words.
    let row = await boardRow(page, number);
    await expect(row).toHaveAttribute('data-status', 'draft');
    await expect(row.getByTestId('flag-urgent')).toHaveText('URGENT');
    // The board is one keyboard stop: focus it, move with the arrows, open with Enter.
    await page.keyboard.press('Alt+Shift+B');
    await expect(page.getByTestId('request-board')).toBeFocused();
    const rows = page.getByTestId('board-row');
    await page.keyboard.press('End');
    await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    const second = (await rows.nth(1).getAttribute('data-number'))!;
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('request-number')).toHaveText(second);
    const inventoryBefore = await filledFrom(page, 'inventory');
    const memberBefore = await filledFrom(page, 'member');

    await openFromBoard(page, number);
    await step(page, 'submit', 'submitted');
    await step(page, 'approve', 'resource_check');
    await step(page, 'check_resources', 'sourcing', (d) => d.getByLabel('Findings (what is on hand)').fill('Coalition cache holds N95; a member can cover the rest'));
    row = await boardRow(page, number);
    await expect(row).toHaveAttribute('data-status', 'sourcing');
    await expect(row).toContainText('Logistics');

    // Partial fill: 300 from a cache, the other 200 from a member hospital.
    await openFromBoard(page, number);
    const cacheLabel = await sourceLine(page, 'Inventory', 300, '');
    const cacheName = cacheLabel.split(' — ')[0]!.trim();
    await expect(page.getByTestId('line-fill-status')).toHaveText('300 sourced, 200 outstanding');
    await sourceLine(page, 'Member', 200, 'Hospital');
    await expect(page.getByTestId('line-fill-status')).toHaveText('All 500 sourced');
    await expect(page.getByTestId('fill')).toHaveCount(2);

    // The cache's stock moved: 300 allocated to the request.
    const cache = await inventoryRow(page, cacheName);
    const allocated = await num(cache.getByTestId('qty-allocated'));
    expect(allocated).toBeGreaterThanOrEqual(300);
    const availableAfterAllocation = await num(cache.getByTestId('qty-available'));

    await openFromBoard(page, number);
    await step(page, 'send_to_finance', 'finance_review');
    await step(page, 'finance_approve', 'ordered');
    // An ETA typed as a bare time already past today is tomorrow's, shown in full before it
    // is saved; the request does not read as overdue the moment it is en route.
    const eta = earlierThanNow();
    await step(page, 'mark_en_route', 'en_route', async (d) => {
      const field = d.getByLabel(/Estimated arrival \(ETA\)/);
      await field.fill(eta.typed);
      await expect(field).toHaveAccessibleDescription(new RegExp(`^Read as ${eta.means} E[SD]T`));
    });
    await expect(page.getByTestId('request-detail')).not.toContainText('ETA passed');
    await step(page, 'receive', 'received', (d) => d.getByLabel('Received by').fill('Pat Perez'));
    await expect(page.getByTestId('next-action')).toContainText('Next:');
    await step(page, 'close', 'closed');
    await expect(page.getByTestId('next-action')).toHaveText('Finished: no further step.');
    await expect(page.locator('[data-testid="history-row"][data-action="close"]')).toContainText('Dana Duty');

    // Off the open board once closed; the chart counts both sources; N95 are used up, not returned.
    row = await boardRow(page, number);
    await expect(row).toHaveCount(0);
    expect(await filledFrom(page, 'inventory')).toBe(inventoryBefore + 1);
    expect(await filledFrom(page, 'member')).toBe(memberBefore + 1);
    const cacheAfter = await inventoryRow(page, cacheName);
    await expect(cacheAfter.getByTestId('qty-allocated')).toHaveText((allocated - 300).toLocaleString('en-US'));
    await expect(cacheAfter.getByTestId('qty-available')).toHaveText(availableAfterAllocation.toLocaleString('en-US'));
  });

  test('refuses an impossible step with the state machine’s reason, and the request stays where it was', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await createRequest(page, N95);
    await step(page, 'submit', 'submitted');
    await page.getByTestId('other-steps').click();
    await page.getByTestId('other-receive').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('is not a step from "Awaiting approval"');
    await dialog.getByTestId('step-submit').click();
    await expect(dialog.getByTestId('transition-error')).toContainText('A request awaiting section chief approval cannot be marked received');
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', 'submitted');
    await expect(page.locator('[data-testid="history-row"][data-action="receive"]')).toHaveCount(0);
  });

  test('shows a CSV import’s bad rows and writes nothing until the file is fixed', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    await page.keyboard.press('Alt+8');
    const count = page.getByTestId('directory-count');
    await expect(count).toContainText('organisations');
    const before = Number(/of (\d+)/.exec((await count.textContent())!)![1]);

    const header = 'organisation,short_name,discipline,membership,region,address,town,state,zip,latitude,longitude,contact_name,contact_role,phone_24_7,other_phones,email,radio';
    const good1 = 'Quabbin Valley Nursing Home,,Long-term care,core,,12 Main St,Ware,MA,01082,,,Lee Ames,Administrator,413-555-0101,,lee@example.org,';
    const good2 = 'Quabbin Valley Nursing Home,,Long-term care,core,,12 Main St,Ware,MA,01082,,,Kim Roy,Director of Nursing,413-555-0102,,,';
    const good3 = 'Swift River Dialysis,,Dialysis,supporting,,4 Mill Rd,Belchertown,MA,01007,,,Ray Cole,Charge nurse,413-555-0103,,,';
    const badDiscipline = 'Hilltown Clinic,,Veterinary,core,,1 Elm St,Huntington,MA,01050,,,Ann Low,,413-555-0104,,,';
    const badZip = 'Ware River Pharmacy,,Pharmacy,supporting,,9 Bank St,Ware,MA,1082,,,Sam Oak,,413-555-0105,,,';
    const badEmail = 'Palmer Home Health,,Home health,supporting,,3 Park St,Palmer,MA,01069,,,Jo Fin,,413-555-0106,,not-an-email,';

    await page.getByRole('tab', { name: 'Import and export' }).click();
    const importer = page.getByTestId('csv-import');
    await importer.locator('input[type=file]').setInputFiles(csvFile('members-bad.csv', [header, good1, good2, good3, badDiscipline, badZip, badEmail]));
    await expect(importer.getByTestId('import-row')).toHaveCount(6);
    await expect(importer.locator('[data-testid="import-row"][data-error="true"]')).toHaveCount(3);
    await expect(importer.getByTestId('import-row-error').first()).toBeVisible();
    const bad = importer.locator('[data-testid="import-row"][data-error="true"]');
    await expect(bad.nth(0)).toContainText('Hilltown Clinic');
    await expect(bad.nth(1)).toContainText('Ware River Pharmacy');
    await expect(bad.nth(2)).toContainText('Palmer Home Health');
    await expect(importer.getByTestId('import-blocked')).toBeVisible();
    await expect(importer.getByRole('button', { name: /^Import \d+ organisations/ })).toBeDisabled();

    await page.getByRole('tab', { name: 'Organisations' }).click();
    await expect(count).toContainText(`of ${before} organisations`);

    await page.getByRole('tab', { name: 'Import and export' }).click();
    await importer.locator('input[type=file]').setInputFiles(csvFile('members-fixed.csv', [header, good1, good2, good3]));
    await expect(importer.locator('[data-testid="import-row"][data-error="true"]')).toHaveCount(0);
    await expect(importer.getByTestId('import-blocked')).toHaveCount(0);
    await importer.getByRole('button', { name: 'Import 2 organisations and 3 contacts' }).click();
    await expect(importer.getByTestId('import-done')).toContainText('Imported 2 organisations and 3 contacts.');

    await page.getByRole('tab', { name: 'Organisations' }).click();
    await expect(count).toContainText(`of ${before + 2} organisations`);
  });

  test('a contact’s 24/7 number that cannot be dialled is refused in words before sending, and the field takes the focus', async ({ page, host }) => {
    test.setTimeout(120_000);
    const sent = await slowBackend(page, { 'directory.saveContact': 0 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+8');
    await page.getByTestId('organisation-row').first().getByRole('button').first().click();
    await page.getByTestId('organisation-detail').getByRole('button', { name: 'Add contact' }).click();
    const f = page.getByTestId('contact-form');
    await expect(f.getByRole('textbox', { name: /^Contact name/ })).toBeFocused();
    await page.keyboard.type('ED charge nurse');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Charge nurse');
    await page.keyboard.press('Tab');
    const phone = f.getByRole('textbox', { name: '24/7 phone' });
    await expect(phone).toBeFocused();
    await page.keyboard.type('413 555 01');
    await page.keyboard.press('Tab');
    await page.keyboard.type('413-555-0143; ask the operator');
    await page.keyboard.press('Control+Enter');
    await expect(f.getByText('24/7 phone has 8 digits: a North American number has 10, such as 413-555-0100 (a number abroad starts with + and its country code)')).toBeVisible();
    await expect(f.getByText(/^Other phone may hold only digits/)).toBeVisible();
    await expect(phone).toBeFocused();
    expect(sent['directory.saveContact']).toBe(0);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('(413) 555-0142');
    await f.getByRole('textbox', { name: 'Other phones' }).fill('413-555-0143; +44 20 7946 0958');
    await page.keyboard.press('Control+Enter');
    await expect(f).toBeHidden();
    const row = page.getByTestId('contact-row').filter({ hasText: 'ED charge nurse' });
    await expect(row.getByTestId('phone-24x7')).toHaveText('(413) 555-0142');
    expect(sent['directory.saveContact']).toBe(1);
  });

  test('prints the 213RR, exports its history and EDXL-RM messages, and imports a RequestResource as a new draft', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const number = await createRequest(page, N95);
    await step(page, 'submit', 'submitted');

    // Each export also saves its manifest beside it: wait for the file itself.
    const saved = async (testId: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { predicate: (d) => !d.suggestedFilename().endsWith('.manifest.json') }),
        page.getByTestId(testId).click(),
      ]);
      return download;
    };
    expect((await saved('export-pdf')).suggestedFilename()).toMatch(/\.pdf$/);
    expect((await saved('export-csv')).suggestedFilename()).toMatch(/\.csv$/);
    const xml = await saved('export-edxl');
    expect(xml.suggestedFilename()).toMatch(/\.xml$/);
    const xmlPath = await xml.path();

    await openBoard(page);
    await page.getByRole('button', { name: 'Import EDXL-RM' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('edxl-import').locator('input[type=file]').setInputFiles(xmlPath);
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await expect(dialog.getByTestId('edxl-imported')).toContainText(/Draft (WS\d+-)?RR-\d{4}/);
    await dialog.getByRole('button', { name: /^Open (WS\d+-)?RR-/ }).click();
    await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', 'draft');
    await expect(page.getByTestId('request-number')).not.toHaveText(number);
    await expect(page.getByTestId('line-row')).toContainText('N95 respirator');

    // A request's detail does not follow the operator around: Requests opens on the board again.
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('situation-board')).toBeVisible();
    expect(page.url()).not.toContain('id=');
    await page.keyboard.press('Alt+6');
    await expect(page.getByTestId('request-board')).toBeVisible();
    await expect(page.getByTestId('request-detail')).toHaveCount(0);
  });

  test('a request returned for changes is edited and resubmitted; a withdrawn fill gives its stock back; a ventilator goes out and is returned', async ({ page, host }) => {
    test.setTimeout(420_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await createRequest(page, { organisation: 'Long-term care', quantity: 2, kind: 'Ventilator (portable)', description: 'Portable ventilator with circuits' });
    await step(page, 'submit', 'submitted');
    await step(page, 'return_for_changes', 'changes_requested', (d) => d.getByLabel('Changes needed').fill('One is enough until the second unit is confirmed'));

    await page.getByTestId('edit-request').click();
    await page.getByTestId('request-form').getByLabel('Line 1 quantity').fill('1');
    await page.getByTestId('save-request').click();
    await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', 'changes_requested');
    await expect(page.getByTestId('line-fill-status')).toHaveText('0 sourced, 1 outstanding');
    await step(page, 'submit', 'submitted');
    await step(page, 'approve', 'resource_check');
    await step(page, 'check_resources', 'sourcing');

    const cacheName = (await sourceLine(page, 'Inventory', 1, '')).split(' — ')[0]!.trim();
    await expect(page.getByTestId('line-fill-status')).toHaveText('All 1 sourced');
    const number = (await page.getByTestId('request-number').textContent())!;
    const cache = await inventoryRow(page, cacheName);
    const allocatedWithFill = await num(cache.getByTestId('qty-allocated'));

    await openFromBoard(page, number);
    await page.getByTestId('fill').getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('dialog').getByLabel('Reason for withdrawing', { exact: false }).fill('Cache unit failed its check');
    await page.getByRole('dialog').getByTestId('step-submit').click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByTestId('line-fill-status')).toHaveText('0 sourced, 1 outstanding');
    await expect(page.getByTestId('fill')).toContainText('WITHDRAWN');
    await expect((await inventoryRow(page, cacheName)).getByTestId('qty-allocated')).toHaveText(String(allocatedWithFill - 1));

    await openFromBoard(page, number);
    await sourceLine(page, 'Inventory', 1, cacheName);
    await step(page, 'send_to_finance', 'finance_review');
    await step(page, 'finance_approve', 'ordered');
    await step(page, 'receive', 'received');
    await step(page, 'assign', 'assigned', (d) => d.getByLabel('Assigned to').fill('Second floor, room 212'));
    await step(page, 'release', 'released', (d) => d.getByLabel('Released to').fill('Coalition cache'));
    await page.getByTestId('action-return_resources').click();
    await page.getByRole('dialog').getByTestId('return-submit').click();
    await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', 'returned');
    await expect(page.getByTestId('allocations')).toContainText('1 returned, 0 used up, 0 still out');
    await step(page, 'close', 'closed');
    await expect((await inventoryRow(page, cacheName)).getByTestId('qty-allocated')).toHaveText(String(allocatedWithFill - 1));
  });

  test('on a 1280 x 800 laptop a 213RR line shows its quantity, unit and type whole, its description wraps in a field wide enough to read, and the inventory keeps its Count buttons in the card', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+N');
    const lines = page.getByTestId('lines-editor');
    await lines.getByLabel('Line 1 quantity').fill('1,000');
    await lines.getByLabel('Line 1 unit').fill('boxes');
    await lines.getByLabel('Line 1 type').fill('local');
    const description = lines.getByLabel('Line 1 description');
    await description.fill('Fit-tested NIOSH-approved N95, sizes small and regular, 3M 1860 or equivalent, boxed');
    for (const field of ['quantity', 'unit', 'type']) {
      const whole = await lines.getByLabel(`Line 1 ${field}`).evaluate((e: HTMLInputElement) => e.scrollWidth <= e.clientWidth);
      expect(whole, `Line 1 ${field} shows its value whole`).toBe(true);
    }
    expect((await description.boundingBox())!.width).toBeGreaterThanOrEqual(180);
    // Every word of it in view: the field grows instead of scrolling sideways.
    expect(await description.evaluate((e: HTMLTextAreaElement) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth)).toBe(true);
    // The inventory at the same size: every row's Count button inside the table's card, not past its edge.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+7');
    const table = page.getByTestId('inventory-table');
    await expect(table.getByTestId('inventory-row').first()).toBeVisible();
    const card = (await table.locator('xpath=..').boundingBox())!;
    const count = (await table.getByRole('button', { name: /^Count / }).first().boundingBox())!;
    expect(count.x + count.width).toBeLessThanOrEqual(card.x + card.width);
  });

  test('Add a line takes the focus to the new line; lines added and left blank are not sent, and a refused line is named under itself', async ({ page, host }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+N');
    const form = page.getByTestId('request-form');
    await form.getByLabel('Line 1 quantity').fill('500');
    await form.getByLabel('Line 1 kind').fill('N95 respirator');
    const add = form.getByRole('button', { name: 'Add a line' });
    await add.click();
    await expect(form.getByLabel('Line 2 quantity')).toBeFocused();
    await add.click();
    await expect(form.getByLabel('Line 3 quantity')).toBeFocused();
    await form.getByLabel('Line 3 kind').fill('Ventilator');
    await pick(page, form, 'Requesting organisation', 'Long-term care');
    await form.getByLabel(/^Name/).fill('Pat Perez');
    await page.keyboard.press('Control+Enter');
    // Line 3 is refused under itself; line 2, never typed in, is not.
    await expect(form.getByText('Line 3: Quantity must be a whole number of 1 or more.')).toBeVisible();
    await expect(form.getByLabel('Line 3 quantity')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Line 3 quantity')).toHaveAccessibleDescription('Quantity must be a whole number of 1 or more');
    await expect(form.getByLabel('Line 2 quantity')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/^Line 2:/)).toHaveCount(0);
    await form.getByLabel('Line 3 quantity').fill('2');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('request-detail')).toHaveAttribute('data-status', 'draft');
    const rows = page.getByTestId('line-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('N95 respirator');
    await expect(rows.nth(1)).toContainText('Ventilator');
  });
});
