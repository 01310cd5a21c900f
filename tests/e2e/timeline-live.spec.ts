import { completeSetup, signIn } from './flows';
import { createIncidentFromTemplate, goTo, quickLog, wallTimeAgo } from './flows-incident';
import { expect, test } from './fixtures/host';

test.describe('a long timeline read far down', () => {
  test('is not reloaded under the reader when records arrive; it says so and catches up on request', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await completeSetup(page);
    await signIn(page, 'Sam Sit', 'Situation Unit Leader');
    await createIncidentFromTemplate(page, { name: 'Long night', template: 'Extended power outage', exercise: true, startedMinutesAgo: 720 });

    // 1,000 entries from last night's paper log, in one transcription.
    await goTo(page, 'Alt+3', 'log-screen');
    await page.keyboard.press('Alt+Shift+T');
    const form = page.getByTestId('transcribe-form');
    const lines = Array.from({ length: 1000 }, (_, i) => `${wallTimeAgo(700 - Math.floor(i * 0.6))} Paper log line ${i + 1}`);
    await form.getByLabel('Lines, one entry each').fill(lines.join('\n'));
    await expect(form.getByTestId('transcribe-summary')).toContainText('1,000 entries ready');
    await page.keyboard.press('Control+Enter');
    // 1,000 signed, chained records in one write: seconds on a loaded two-core machine.
    await expect(form).toBeHidden({ timeout: 60_000 });

    // Read down four pages (the first 60 rows, then 200 a page): more than reload by themselves.
    await goTo(page, 'Alt+4', 'timeline-screen');
    const list = page.getByTestId('timeline-list');
    await expect(list.getByRole('listitem').first()).toContainText('Paper log line 1000');
    await list.getByRole('listitem').first().focus();
    const readTo = async (index: number) =>
      expect(async () => {
        await page.keyboard.press('End');
        await expect(list.locator(`[data-index="${index}"]`)).toBeFocused({ timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
    await readTo(459);

    // A colleague's entry arrives: the reader's place is kept, and the list says it is behind,
    // and goes on saying so while the reader loads further pages.
    await quickLog(page, 'North lot plowed, ambulances can stage again');
    await expect(page.getByTestId('list-behind')).toContainText('Records were added or changed');
    await list.locator('[data-index="459"]').focus();
    await readTo(999);
    await expect(list.locator('[data-index="999"]')).toContainText('Paper log line 1');
    await expect(page.getByTestId('list-behind')).toBeVisible();

    await page.getByTestId('list-catch-up').click();
    await expect(page.getByTestId('list-behind')).toHaveCount(0);
    await expect(list.getByRole('listitem').first()).toContainText('North lot plowed');
  });
});
