import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { setTheme } from './a11y-check';
import { goTo } from './flows-incident';
import { loadDemoAndSignIn } from './flows-resources';

/**
 * The console on a 1280 x 800 laptop, read at a distance: what an operator scans for is
 * there whole, nothing runs past its card, and a hint never reads as a value. Structural
 * checks only: sizes and boxes, never time.
 */

/** Nothing of the element's text is cut: no hidden width, no hidden lines. */
async function cut(el: Locator): Promise<string | null> {
  return el.evaluate((e) => {
    const wide = e.scrollWidth > e.clientWidth + 1;
    const tall = e.scrollHeight > e.clientHeight + 1;
    return wide || tall ? `“${e.textContent}” is cut (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})` : null;
  });
}

async function open(page: Page, host: { url: string }) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await loadDemoAndSignIn(page);
}

test.describe('the console at 1280 x 800', () => {
  test('the messages list shows each subject whole, and the incident list keeps names whole inside the card', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Alt+0', 'messages-screen');
    const list = page.getByTestId('message-list');
    for (const subject of ['Loaned generator has not arrived', 'Strike team on scene at Stone Bridge Senior Living', 'Second-floor residents must move now']) {
      const el = list.getByText(subject, { exact: true });
      await expect(el).toBeVisible();
      expect(await cut(el)).toBeNull();
    }

    await goTo(page, 'Alt+2', 'incidents-screen');
    const incidents = page.getByTestId('incident-list');
    const name = incidents.getByText('DEMO: Pioneer Valley ice storm and power outage', { exact: true });
    await expect(name).toBeVisible();
    expect(await cut(name)).toBeNull();
    // Every word of a row ends inside the card, not under the pane beside it.
    const outside = await incidents.evaluate((table) => {
      const card = table.closest('.mantine-Paper-root')!.getBoundingClientRect();
      return [...table.querySelectorAll('td *')].filter((e) => e.getBoundingClientRect().right > card.right + 0.5).map((e) => e.textContent);
    });
    expect(outside).toEqual([]);
  });

  test('the top bar keeps the incident name and the period when sync has something to say', async ({ page, host }) => {
    await open(page, host);
    const name = page.getByTestId('topbar-incident');
    const period = page.getByTestId('topbar-period');
    await expect(page.getByTestId('sync-state')).toContainText('Not syncing');
    const before = (await name.boundingBox())!.width;

    await goTo(page, 'Control+Shift+Y', 'sync-screen');
    await page.getByTestId('peer-address').fill('10.255.255.1:4790');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByTestId('peer-row')).toHaveCount(1);
    await expect(page.getByTestId('sync-state')).not.toContainText('Not syncing');
    // Sync says it in a word (the sentence is its tooltip): the name keeps its room.
    expect((await name.boundingBox())!.width).toBeGreaterThanOrEqual(before - 1);
    await expect(period).toContainText('left');
    expect(await cut(period)).toBeNull();
    // The period is not hidden under the edge of the incident's side of the bar either.
    const clipped = await period.evaluate((e) => {
      const r = e.getBoundingClientRect();
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflow !== 'visible' && r.right > a.getBoundingClientRect().right + 0.5) return true;
      }
      return false;
    });
    expect(clipped).toBe(false);
  });

  test('placeholders read as hints in both themes: dimmer than typed text, in italics, and an address as “e.g.”', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Control+Shift+Y', 'sync-screen');
    const address = page.getByTestId('peer-address');
    await expect(address).toHaveAttribute('placeholder', /^e\.g\. /);
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      const looks = await address.evaluate((input) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
        const field = getComputedStyle(input);
        const hint = getComputedStyle(input, '::placeholder');
        return { italic: hint.fontStyle, hint: contrast(hint.color, field.backgroundColor), text: contrast(field.color, field.backgroundColor) };
      });
      expect(looks.italic, scheme).toBe('italic');
      expect(looks.hint, `${scheme}: a hint is still readable`).toBeGreaterThanOrEqual(4.5);
      expect(looks.hint, `${scheme}: a hint is clearly dimmer than typed text`).toBeLessThan(0.7 * looks.text);
    }
  });

  test('a timeline search marks the matched word in every row, in view, and the header stays on one line', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Alt+4', 'timeline-screen');
    await page.getByTestId('timeline-search').fill('generator');
    const list = page.getByTestId('timeline-list');
    await expect(page.getByTestId('timeline-total')).toContainText(' of ');
    await expect(list.locator('mark').first()).toBeVisible();
    const rows = await list.evaluate((l) =>
      [...l.querySelectorAll('[data-testid="timeline-row"]')].map((row) => {
        const cells = [...row.children] as HTMLElement[];
        const text = cells[3]!.getBoundingClientRect();
        const marks = [...cells[3]!.querySelectorAll('mark')];
        const kind = cells[1]!.firstElementChild!.getBoundingClientRect();
        return {
          text: cells[3]!.textContent,
          // A mark in view: inside the text's two lines, not beyond the cut.
          markInView: marks.some((m) => /generator/i.test(m.textContent ?? '') && m.getBoundingClientRect().bottom <= text.bottom + 1),
          // The kind label ends inside its own column, clear of the name's.
          kindClear: kind.right <= cells[1]!.getBoundingClientRect().right,
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => !r.markInView).map((r) => r.text)).toEqual([]);
    expect(rows.filter((r) => !r.kindClear).map((r) => r.text)).toEqual([]);
    const total = page.getByTestId('timeline-total');
    const oneLine = await total.evaluate((e) => e.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(e).lineHeight));
    expect(oneLine).toBe(true);
  });
});
