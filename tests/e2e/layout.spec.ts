import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForScreen } from './fixtures/host';
import { signIn } from './flows';
import { setTheme } from './a11y-check';
import { createIncidentFromTemplate, goTo } from './flows-incident';
import { loadDemoAndSignIn } from './flows-resources';
import { openStatusGrid } from './flows-status';

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
    return wide || tall ? `“${e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement ? e.value : e.textContent}” is cut (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})` : null;
  });
}

/** The element is one line high: its height under one and a half of its line height. */
const oneLine = (el: Locator) => el.evaluate((e) => e.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(e).lineHeight));

/** How many lines the element's text takes, by where its characters are drawn. */
const textLines = (el: Locator) =>
  el.evaluate((e) => {
    const bottoms = new Set<number>();
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
    }
    return bottoms.size;
  });

/**
 * The backend as after a hospital began reporting one bed type late: the beds' changes no
 * longer count from one moment, so each row says its own since ("since yesterday 09:15",
 * one "since" days back). Only the status board's answer is changed, on its way to the page.
 */
async function bedsSinceApart(page: Page): Promise<void> {
  await page.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    const boards = new Set<string>();
    ws.onMessage((m) => {
      if (typeof m === 'string' && m.includes('"status.board"')) boards.add((JSON.parse(m) as { id: string }).id);
      server.send(m);
    });
    server.onMessage((m) => {
      if (typeof m !== 'string') return ws.send(m);
      const r = JSON.parse(m) as { id?: string; ok?: boolean; result?: { beds: { change: { since: number } | null }[] } };
      if (!r.id || !boards.has(r.id) || !r.ok) return ws.send(m);
      const [first, , third] = r.result!.beds;
      if (first?.change) first.change.since -= 105 * 60_000;
      if (third?.change) third.change.since -= 4 * 86_400_000;
      ws.send(JSON.stringify(r));
    });
  });
}

/**
 * The beds table's change column: every word inside the panel, and no day or time split over
 * two lines ("since 02 / Dec 2026"). Returns what is wrong, in words.
 */
const bedChanges = (page: Page) =>
  page.getByTestId('sit-beds').evaluate((panel) => {
    const wrong: string[] = [];
    const p = panel.getBoundingClientRect();
    const cells = [...panel.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.children[3] as HTMLElement);
    for (const cell of [...cells, panel.querySelector<HTMLElement>('thead th:nth-child(4)')!]) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(t);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.some((r) => r.right > p.right + 0.5)) wrong.push(`“${t.textContent}” runs out of the panel`);
        // Each phrase ("−18", "since yesterday", "09:15", "since 02 Dec 2026") is one line.
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1) wrong.push(`“${t.textContent}” is split over lines`);
      }
    }
    if (cells.length < 4) wrong.push(`${cells.length} rows`);
    return wrong;
  });

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

  test('the top bar says the incident’s name on one line, whole, with the period and the level inside the bar; a name too long for it ends in “…” and is read whole by keyboard and screen reader', async ({ page, host }) => {
    await open(page, host);
    const name = page.getByTestId('topbar-incident');
    await expect(name).toHaveText('DEMO: Pioneer Valley ice storm and power outage');
    expect(await oneLine(name)).toBe(true);
    expect(await cut(name)).toBeNull();
    // Its menu's arrow right beside it, not at the far end of the bar's incident side.
    const arrow = (await page.getByRole('button', { name: /^Active incident:/ }).locator('svg').boundingBox())!;
    const named = (await name.boundingBox())!;
    expect(arrow.x - (named.x + named.width)).toBeLessThan(24);
    // The period and the level under it, inside the bar (not under its lower edge).
    const bar = (await page.locator('header').boundingBox())!;
    for (const id of ['topbar-period', 'topbar-level']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(bar.y + bar.height);
      expect(await cut(page.getByTestId(id)), id).toBeNull();
    }

    const long = 'Connecticut River flooding: Northampton, Hadley and Hatfield evacuations and shelters';
    await createIncidentFromTemplate(page, { name: long, template: 'Extended power outage', exercise: true });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'How to activate the region' })).toBeHidden();
    expect(await oneLine(name)).toBe(true);
    expect(await cut(name), 'cut, with an ellipsis').not.toBeNull();
    // A screen reader hears it whole; the keyboard's focus shows it whole (Shift+Tab from the rail).
    const button = page.getByRole('button', { name: `Active incident: ${long}. Change` });
    await page.getByRole('link', { name: /^Situation/ }).focus();
    for (let i = 0; i < 8 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(button).toBeFocused();
    // Its own tooltip: the sync button's, passed on the way, may still be fading out.
    const whole = page.getByRole('tooltip').and(page.getByTestId('topbar-incident-whole'));
    await expect(whole).toHaveText(long);
    // Enter opens the menu of incidents, and the tooltip gives way to it.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(whole).toHaveCount(0);
  });

  test('the activation sheet’s form: who each first call is and its directory contact with the number, whole, a long one over two lines, and the dialog never scrolls sideways', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Control+Shift+P', 'preparedness-screen');
    await page.getByRole('tab', { name: 'Activation sheet' }).click();
    await page.getByRole('button', { name: 'Edit (new version)' }).click();
    const f = page.getByTestId('activation-form');
    const who = f.getByRole('textbox', { name: /^First call \d+: who$/ });
    await expect(who.nth(3)).toHaveValue('County emergency management');
    const sideways = () => f.evaluate((form) => form.closest('.mantine-Modal-body')!.scrollWidth > form.closest('.mantine-Modal-body')!.clientWidth);
    for (const field of await who.all()) expect(await cut(field)).toBeNull();
    expect(await sideways()).toBe(false);
    // Each contact whole, its 24/7 number included: beside who, at 1280, the first was cut at
    // "Coalition Duty Officer, Pioneer Valley & Berkshires", before its number.
    const contacts = f.getByRole('combobox', { name: /^First call \d+: contact$/ });
    await expect(contacts.first()).toHaveValue('Coalition Duty Officer, Pioneer Valley & Berkshires Health Care Coalition (demo) · 413-555-0100');
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      for (const field of await contacts.all()) expect(await cut(field), scheme).toBeNull();
    }

    // Longer than the column: it wraps to a second line, and Enter adds no line break to it.
    // Tab into it selects it, as in a one-line field, so what is typed replaces it.
    // (Over the whole row's width now that the contact has its own line: 96 characters.)
    const long = 'State emergency operations center (MEMA) duty officer, Framingham bunker, or the Tewksbury desk';
    await f.getByRole('combobox', { name: 'First call 1: contact' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(who.first()).toBeFocused();
    await page.keyboard.type(long);
    await page.keyboard.press('Enter');
    await expect(who.first()).toHaveValue(long);
    // A line higher than the one-line field under it.
    const height = async (n: number) => (await who.nth(n).boundingBox())!.height;
    const lineHeight = await who.first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect(await height(0)).toBeGreaterThanOrEqual((await height(1)) + lineHeight - 1);
    expect(await cut(who.first())).toBeNull();
    expect(await sideways()).toBe(false);
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
  test('the incident header: the name on one line, each badge whole on one line, the level and the actions on one row', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Alt+2', 'incidents-screen');
    const detail = page.getByTestId('incident-detail');
    await expect(detail.getByTestId('incident-name')).toHaveText('DEMO: Pioneer Valley ice storm and power outage');
    expect(await oneLine(detail.getByTestId('incident-name'))).toBe(true);
    const badges = detail.getByTestId('incident-badges').locator('.mantine-Badge-root');
    await expect(badges).toHaveCount(3);
    const tops = new Set<number>();
    for (const badge of await badges.all()) {
      expect(await oneLine(badge.locator('.mantine-Badge-label')), (await badge.textContent()) ?? '').toBe(true);
      tops.add(Math.round((await badge.boundingBox())!.y));
    }
    expect(tops.size, 'the badges share one line').toBe(1);
    // "period 1 open" and a date never break inside.
    const facts = await detail.getByTestId('incident-facts').evaluate((e) => [...e.querySelectorAll('span')].map((s) => s.getClientRects().length));
    expect(facts.every((n) => n === 1)).toBe(true);
    const level = (await detail.getByTestId('incident-level').boundingBox())!;
    for (const name of ['After-action report', 'Close incident']) {
      const button = (await detail.getByRole('button', { name }).boundingBox())!;
      expect(Math.abs(button.y + button.height - (level.y + level.height)), name).toBeLessThan(2);
    }
  });

  test('the activation sheet that opens with a new incident shows every first call whole and in sight, its number on one line, in dark and light', async ({ page, host }) => {
    await open(page, host);
    await createIncidentFromTemplate(page, { name: 'Long night', template: 'Extended power outage', exercise: true });
    const sheet = page.getByRole('dialog', { name: 'How to activate the region' });
    await expect(sheet.getByTestId('first-call')).toHaveCount(6);
    for (const scheme of ['dark', 'light'] as const) {
      await setTheme(page, scheme);
      // Inside the dialog's box as it opens, not under its lower edge (on one column at 1280,
      // the list was cut at "Public health district").
      const hidden = await sheet.evaluate((dialog) => {
        // The dialog is the box that scrolls (Mantine's content section).
        const box = dialog.getBoundingClientRect();
        return [...dialog.querySelectorAll<HTMLElement>('[data-testid="first-call"]')]
          .filter((row) => {
            const r = row.getBoundingClientRect();
            return r.top < box.top || r.bottom > box.bottom + 0.5;
          })
          .map((row) => row.textContent);
      });
      expect(hidden, scheme).toEqual([]);
      for (const row of await sheet.getByTestId('first-call').all()) {
        expect(await cut(row), scheme).toBeNull();
        expect(await textLines(row.locator('td').nth(1)), scheme).toBe(1);
      }
    }
  });

  test('an incident made active here: the badge joins the others on their line, and the focus goes to the button in the place of “Make active here”', async ({ page, host }) => {
    await open(page, host);
    await createIncidentFromTemplate(page, { name: 'Long night', template: 'Extended power outage', exercise: true });
    // The demo coalition's activation sheet comes up with a new incident.
    const sheet = page.getByRole('dialog', { name: 'How to activate the region' });
    await expect(sheet).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await page.getByTestId('incident-list').getByText('DEMO: Pioneer Valley ice storm and power outage', { exact: true }).click();
    const detail = page.getByTestId('incident-detail');
    await expect(detail.getByTestId('incident-name')).toHaveText('DEMO: Pioneer Valley ice storm and power outage');
    // Three buttons beside the level: still whole, each on one line.
    for (const name of ['Make active here', 'After-action report', 'Close incident']) expect(await textLines(detail.getByRole('button', { name })), name).toBe(1);
    await detail.getByTestId('make-active').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('topbar-incident')).toHaveText('DEMO: Pioneer Valley ice storm and power outage');
    await expect(detail.getByTestId('make-active')).toHaveCount(0);
    await expect(detail.getByTestId('incident-aar')).toBeFocused();
    await expect(detail.getByTestId('incident-badges')).toContainText('Active on this workstation');
  });

  test('the timeline filters stay on one row, filtered too, each showing its choice; Clear filters puts the focus in the search', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Alt+4', 'timeline-screen');
    const bar = page.getByTestId('timeline-filters');
    const row = () =>
      bar.evaluate((b) => {
        const fields = [...b.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
        const tops = new Set(fields.map((f) => Math.round(f.getBoundingClientRect().top)));
        // A select's choice fits its box: text width within the box less its paddings.
        const span = document.createElement('span');
        span.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
        document.body.append(span);
        const cut = fields.flatMap((f) => {
          if (!(f instanceof HTMLSelectElement)) return [];
          const cs = getComputedStyle(f);
          span.style.font = cs.font;
          span.textContent = f.selectedOptions[0]?.text ?? '';
          const room = f.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          return span.getBoundingClientRect().width > room ? [span.textContent] : [];
        });
        span.remove();
        return { fields: fields.length, rows: tops.size, cut, right: Math.max(...fields.map((f) => f.getBoundingClientRect().right)) <= b.getBoundingClientRect().right + 0.5 };
      });
    expect(await row()).toEqual({ fields: 6, rows: 1, cut: [], right: true });
    await bar.getByLabel('Type').selectOption('Log entry');
    await page.getByTestId('timeline-search').fill('generator');
    await expect(page.getByTestId('timeline-total')).toContainText(' of ');
    expect(await row()).toEqual({ fields: 6, rows: 1, cut: [], right: true });
    expect(await oneLine(page.getByTestId('timeline-total'))).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('timeline-search')).toBeFocused();
    await expect(page.getByTestId('timeline-search')).toHaveValue('');
    await expect(bar.getByLabel('Type')).toHaveValue('');
  });

  test('the situation report’s facility status: each status badge and each age on one line', async ({ page, host }) => {
    await open(page, host);
    await goTo(page, 'Alt+Shift+R', 'sitrep-screen');
    const table = page.getByRole('region', { name: 'Facility status, scrollable' });
    await expect(table.locator('tr').first()).toBeVisible();
    const split = await table.evaluate((t) =>
      [...t.querySelectorAll('tr')].flatMap((row) => {
        const lines = (e: Element) => {
          const bottoms = new Set<number>();
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
          }
          return bottoms.size;
        };
        const [, badge, , age] = [...row.children];
        const out: string[] = [];
        if (lines(badge!.querySelector('.mantine-Badge-label')!) > 1) out.push(`badge ${badge!.textContent}`);
        // "5 h 00 min before" whole; "(STALE)" may go under it.
        const first = age!.querySelector('span') ?? age!;
        if (lines(first) > 1) out.push(`age ${age!.textContent}`);
        return out;
      }),
    );
    expect(split).toEqual([]);
  });

  test('the beds’ change says since when under its number, inside the panel, when each row has its own', async ({ page, host }) => {
    await bedsSinceApart(page);
    await open(page, host);
    await expect(page.getByTestId('sit-beds').getByTestId('bed-row')).toHaveCount(4);
    await expect(page.getByTestId('sit-beds')).toContainText('since yesterday');
    expect(await bedChanges(page)).toEqual([]);
  });

  test('the rail says the workstation’s name whole: a line may break between words, never at its hyphens', async ({ page, host }) => {
    await open(page, host);
    const lines = await page.getByTestId('rail-identity').evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.search(/DEMO.EOC.1/);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + 'DEMO-EOC-1'.length);
        return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
      }
      return -1;
    });
    expect(lines).toBe(1);
  });

  test('the status form’s boxes of a row are on one line, however many lines their labels and previous values take', async ({ page, host }) => {
    await open(page, host);
    await page.keyboard.press('Alt+Shift+S');
    await page.getByTestId('facility-search').fill('Apple');
    await page.keyboard.press('Enter');
    const entry = page.getByTestId('status-entry');
    await expect(entry.getByLabel('Reported by (at the facility)')).toBeFocused();
    const tops = (names: (string | RegExp)[]) => Promise.all(names.map(async (n) => Math.round((await entry.getByLabel(n, { exact: typeof n === 'string' }).first().boundingBox())!.y)));
    // At 1280 "Reported by (at the facility)" takes two lines and "Time reported" a description.
    const header = await tops(['Reported by (at the facility)', 'How it came', /^Time reported/]);
    expect(new Set(header).size, `tops ${header.join(', ')}`).toBe(1);
    const operations = await tops(['Operating status', 'Accepting transfers', 'Command center activated']);
    expect(new Set(operations).size, `tops ${operations.join(', ')}`).toBe(1);
  });

  test('the status grid of a hospital round fits without scrolling sideways: short headings on two lines at most, each whole for a screen reader and as a title, every choice whole in its box', async ({ page, host }) => {
    await open(page, host);
    const { grid, rows } = await openStatusGrid(page);
    await expect(rows).toHaveCount(8);
    const scroller = grid.getByTestId('grid-scroller');
    const fit = await scroller.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(fit.scrollWidth, `the grid needs ${fit.scrollWidth} px in ${fit.clientWidth}`).toBeLessThanOrEqual(fit.clientWidth);
    // The lines each heading takes on screen (what is there only for a screen reader aside).
    const headings = await grid.locator('thead th').evaluateAll((ths) =>
      ths.map((th) => {
        const bottoms = new Set<number>();
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          if (t.parentElement!.closest('.mantine-VisuallyHidden-root')) continue;
          const range = document.createRange();
          range.selectNodeContents(t);
          for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
        }
        return { text: th.textContent, lines: bottoms.size };
      }),
    );
    expect(headings.filter((h) => h.lines > 2)).toEqual([]);
    // The unit is said once, over the bed columns, and each column keeps its whole name.
    await expect(grid.locator('thead th', { hasText: /^Beds available$/ })).toHaveAttribute('colspan', '3');
    for (const name of ['Adult ICU beds available', 'Medical/surgical beds available', 'Pediatrics beds available', 'Ventilators available']) {
      await expect(grid.getByRole('columnheader', { name, exact: true })).toHaveAttribute('title', name);
    }
    // Every choice shown whole in its select, and a four-digit count whole in its box.
    const first = rows.first();
    const name = (await first.getAttribute('data-facility'))!;
    await first.getByLabel(`${name}: Medical/surgical beds available`).fill('1500');
    const cut = await grid.evaluate((g) => {
      const span = document.createElement('span');
      span.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
      document.body.append(span);
      const out: string[] = [];
      for (const f of g.querySelectorAll<HTMLInputElement | HTMLSelectElement>('tbody select, tbody input')) {
        const cs = getComputedStyle(f);
        // Its font property by property: the shorthand reads empty here.
        Object.assign(span.style, { fontFamily: cs.fontFamily, fontSize: cs.fontSize, fontWeight: cs.fontWeight, fontStyle: cs.fontStyle });
        span.textContent = f instanceof HTMLSelectElement ? ([...f.options].map((o) => o.text).sort((a, b) => b.length - a.length)[0] ?? '') : f.value || f.placeholder;
        const room = f.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (span.getBoundingClientRect().width > room + 0.5) out.push(`${f.getAttribute('aria-label')}: ${span.textContent}`);
      }
      span.remove();
      return out;
    });
    expect(cut).toEqual([]);
  });

  test('the status requests list: each heading, deadline and badge on one line', async ({ page, host }) => {
    await open(page, host);
    await page.keyboard.press('Alt+Shift+S');
    await page.getByRole('tab', { name: 'Status requests' }).click();
    const table = page.getByTestId('status-requests');
    const row = table.locator('tbody tr', { hasText: 'All hospitals' });
    await expect(row.getByText('PAST DEADLINE')).toBeVisible();
    for (const th of await table.locator('thead th').all()) {
      const text = (await th.textContent()) ?? '';
      if (text) expect(await textLines(th), text).toBe(1);
    }
    expect(await textLines(row.locator('td').nth(1)), 'the deadline').toBe(1);
    expect(await textLines(row.locator('.mantine-Badge-label')), 'the badge').toBe(1);
    expect(await cut(table.locator('xpath=..'))).toBeNull();
  });
});

test.describe('the console at 1920 x 1080', () => {
  test('the top bar shows the coalition’s name and the incident’s whole, and the period', async ({ page, host }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const coalition = page.getByTestId('topbar-coalition');
    await expect(coalition).toHaveText('Pioneer Valley & Berkshires Health Care Coalition (DEMO)');
    expect(await cut(coalition)).toBeNull();
    expect(await cut(page.getByTestId('topbar-incident'))).toBeNull();
    expect(await oneLine(page.getByTestId('topbar-incident'))).toBe(true);
    // The menu's arrow beside the name, where the bar leaves the name room to spare.
    const arrow = (await page.getByRole('button', { name: /^Active incident:/ }).locator('svg').boundingBox())!;
    const named = (await page.getByTestId('topbar-incident').boundingBox())!;
    expect(arrow.x - (named.x + named.width)).toBeLessThan(24);
    await expect(page.getByTestId('topbar-period')).toContainText('left');
    expect(await cut(page.getByTestId('topbar-period'))).toBeNull();
    expect(await cut(page.getByTestId('topbar-level'))).toBeNull();
  });

  test('the incident’s name whole beside a long workstation name at every width from 1280 to 1920, the period and the level under it, each whole', async ({ page, host }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(host.url);
    await waitForScreen(page, 'setup');
    // Longer than the other tests' "DEMO-EOC-1": the on-duty block beside the clock grows with it.
    await page.getByLabel('Workstation name (optional)').fill('Planning section workstation 2');
    await page.getByRole('button', { name: 'Load the demonstration coalition' }).click();
    await signIn(page, 'Dana Duty', 'Coalition Duty Officer');
    const name = page.getByTestId('topbar-incident');
    await expect(name).toHaveText('DEMO: Pioneer Valley ice storm and power outage');
    // 1408 to 1696: where the coalition's name came into the bar and the incident's was cut.
    for (const width of [1280, 1408, 1536, 1600, 1696, 1920]) {
      await page.setViewportSize({ width, height: width > 1280 ? 1080 : 800 });
      expect(await cut(name), `${width}`).toBeNull();
      expect(await oneLine(name), `${width}`).toBe(true);
      const bar = (await page.locator('header').boundingBox())!;
      for (const id of ['topbar-period', 'topbar-level']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.y + box.height, `${id} at ${width}`).toBeLessThanOrEqual(bar.y + bar.height);
        expect(await cut(page.getByTestId(id)), `${id} at ${width}`).toBeNull();
      }
      expect(await oneLine(page.getByTestId('topbar-level')), `${width}`).toBe(true);
      // The coalition's and the workstation's names whole, in the bar or at the top of the rail.
      const inBar = await page.getByTestId('topbar-coalition').isVisible();
      expect(inBar, `${width}`).toBe(width >= 1696);
      await expect(page.getByTestId('rail-identity')).toBeVisible({ visible: !inBar });
      for (const id of inBar ? ['topbar-coalition', 'topbar-workstation'] : ['rail-identity']) expect(await cut(page.getByTestId(id)), `${id} at ${width}`).toBeNull();
    }
    // The workstation's caption takes two lines at most; its name is whole in the operator's menu too.
    await page.getByTestId('operator-menu').click();
    await expect(page.getByTestId('operator-menu-workstation')).toHaveText('Workstation Planning section workstation 2');
  });

  test('the status grid on the wall screen: the facility column as wide as the names, each on one line, and the values beside them', async ({ page, host }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const { grid, rows } = await openStatusGrid(page);
    await expect(rows).toHaveCount(8);
    const fit = await grid.evaluate((g) => {
      const column = g.querySelector('thead th')!.getBoundingClientRect();
      const names = [...g.querySelectorAll('tbody tr')].map((row) => row.querySelector('td p')!);
      const widths = names.map((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return { width: range.getBoundingClientRect().width, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      });
      const first = g.querySelector('tbody tr td:nth-child(2) select, tbody tr td:nth-child(2) input')!.getBoundingClientRect();
      return { column: column.width, widest: Math.max(...widths.map((w) => w.width)), lines: Math.max(...widths.map((w) => w.lines)), gap: first.left - column.right };
    });
    // The widest name, the cell's paddings (6 px a side) and its border: no more. It took 468 px for names of 318.
    expect(fit.column - fit.widest, `column ${fit.column} px for names of ${fit.widest}`).toBeLessThanOrEqual(16);
    expect(fit.lines).toBe(1);
    expect(fit.gap).toBeLessThanOrEqual(8);
  });

  test('on the wall display a row’s own “since” stays inside the beds panel, and the display still fits the screen', async ({ page, host, context }) => {
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const wall = await context.newPage();
    await bedsSinceApart(wall);
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.goto(`${host.url}#/situation?wall=1`);
    await expect(wall.getByTestId('situation-board')).toHaveAttribute('data-ready', 'true');
    await expect(wall.getByTestId('sit-beds')).toContainText(/since \d\d [A-Z][a-z]{2} \d{4}/);
    expect(await bedChanges(wall)).toEqual([]);
    expect(await wall.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await wall.setViewportSize({ width: 1280, height: 800 });
    expect(await bedChanges(wall)).toEqual([]);
  });
});
