import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeRasterPack } from './fixtures/map-packs';
import { expect, test, waitForScreen } from './fixtures/host';
import { loadDemoAndSignIn, loadDemoAt, pick, sourceLine } from './flows-resources';

/**
 * The buttons of a list's rows are named by their row ("Edit Pat Nurse", not "Edit, Edit,
 * Edit"): a screen reader tabbing down a list, or a voice command ("click Edit Pat Nurse"),
 * must be able to tell which row a button acts on. Every screen with lists is visited with
 * the demonstration coalition, and within `main` no two visible buttons or links may share an
 * accessible name unless they do the same thing (SAME_ACTION, each with its reason).
 */

/** Names controls of one visit may share because they do the same thing; each says why. */
const SAME_ACTION: { visit: string; name: RegExp; why: string }[] = [
  {
    visit: '/aar (all corrective actions)',
    name: /^button DEMO: Pioneer Valley ice storm and power outage$/,
    why: "each action's incident goes to that incident's improvement plan: the actions of one incident all go to the same place",
  },
];

/**
 * Buttons and links of a region as the accessibility tree names them (hidden ones are not in
 * it), read from Playwright's ARIA snapshot: `- button "Edit Pat Nurse"`, or the line quoted
 * whole in YAML when the name holds a colon: `- 'button "No answer: Pat Nurse"': No answer`.
 */
async function controls(scope: Locator): Promise<string[]> {
  const out: string[] = [];
  for (const raw of (await scope.ariaSnapshot()).split('\n')) {
    let line = raw.trim().replace(/^- /, '');
    if (line.startsWith("'")) line = /^'((?:[^']|'')*)'/.exec(line)![1]!.replace(/''/g, "'");
    const m = /^(button|link)(?: "((?:[^"\\]|\\.)*)")?/.exec(line);
    if (m) out.push(`${m[1]} ${m[2] === undefined ? '' : (JSON.parse(`"${m[2]}"`) as string)}`);
  }
  return out;
}

/** The names held by more than one control, with how many, the justified ones left out. */
async function duplicates(scope: Locator, visit: string, hasList = true): Promise<Record<string, number>> {
  // A snapshot read wrong, or too early (the list's frame drawn, its rows still on their way),
  // would find nothing to compare, and pass: a list shown has buttons, once its rows are in.
  if (hasList) await expect.poll(async () => (await controls(scope)).length, { message: `buttons read on ${visit}` }).toBeGreaterThan(0);
  const all = await controls(scope);
  const count: Record<string, number> = {};
  for (const n of all) count[n] = (count[n] ?? 0) + 1;
  return Object.fromEntries(Object.entries(count).filter(([n, c]) => c > 1 && !SAME_ACTION.some((s) => s.visit === visit && s.name.test(n))));
}

interface Visit {
  /** The address (as in the accessibility spec), then steps to a tab, a row or a dialog. */
  path: string;
  name?: string;
  before?: (page: Page) => Promise<unknown>;
  /** What shows the list is in: checked only once it is there, never mid-load. */
  ready: (page: Page) => Locator;
  /** Why the list shown has no buttons for this operator (nothing to compare, said so). */
  noButtons?: string;
  /** Where to look; `main` unless a dialog holds the list. */
  scope?: (page: Page) => Locator;
}

const id = (testId: string) => (page: Page) => page.getByTestId(testId).first();
const tab = (name: string) => (page: Page) => page.getByRole('tab', { name }).click();

const VISITS: Visit[] = [
  // The screens of the accessibility spec (SCREENS, MORE_SCREENS).
  { path: '/', ready: id('sit-beds') },
  { path: '/incidents', ready: id('staff-row') },
  { path: '/log', ready: (page) => page.getByTestId('log-list').getByTestId('timeline-row').first() },
  { path: '/timeline', ready: id('timeline-row') },
  { path: '/decisions', ready: (page) => page.getByTestId('decision-list').locator('tbody tr').first() },
  { path: '/messages', ready: id('message-subject') },
  { path: '/board', ready: id('board-event'), noButtons: 'the events board only shows what was approved; this operator has no proposal to decide' },
  { path: '/requests', ready: id('board-row') },
  { path: '/requests?view=charts', ready: id('fill-rate-table') },
  { path: '/inventory', ready: (page) => page.locator('main').getByRole('button', { name: /^Count/ }).first() },
  { path: '/directory', ready: id('organisation-row') },
  { path: '/aar', ready: id('section-edit') },
  { path: '/exercises', ready: id('exercise-row') },
  { path: '/map', ready: (page) => page.locator('[data-testid="map-screen"][data-ready="true"]') },
  { path: '/settings', ready: (page) => page.getByTestId('backups-panel').getByRole('button').first() },
  { path: '/status', ready: id('facility-search'), noButtons: 'the facilities found are options of a list, chosen with the arrows and Enter' },
  { path: '/sitrep', ready: id('sitrep-version') },
  { path: '/sync', ready: id('peer-address') },
  { path: '/prep?tab=plans', ready: (page) => page.locator('main').getByRole('button', { name: /^Open/ }).first() },
  { path: '/prep?tab=activation', ready: id('first-call') },
  { path: '/prep?tab=calldown', ready: (page) => page.locator('main').getByRole('button', { name: /^No answer/ }).first() },
  { path: '/prep?tab=services', ready: (page) => page.locator('main').getByRole('button', { name: /^Remove/ }).first() },
  { path: '/prep?tab=hva', ready: (page) => page.locator('main').getByRole('button', { name: /^Score/ }).first() },
  { path: '/prep?tab=alerts', ready: id('alert-xml') },
  // Tabs, rows and dialogs that hold lists.
  { path: '/incidents', name: 'checklists', before: tab('Checklists'), ready: id('checklist-item') },
  { path: '/incidents', name: 'activation levels', before: (page) => page.getByTestId('edit-levels').click(), ready: (page) => page.getByRole('dialog').getByLabel('Level name').first(), scope: (page) => page.getByRole('dialog') },
  { path: '/directory', name: 'an organisation and its contacts', before: (page) => page.getByTestId('organisation-row').first().getByRole('button').first().click(), ready: id('contact-row') },
  { path: '/directory', name: 'agreements', before: tab('Agreements'), ready: id('agreement-row') },
  { path: '/requests', name: 'a request being sourced, its lines and fills', before: (page) => page.locator('[data-testid="board-row"][data-status="sourcing"]').first().click(), ready: id('fill') },
  { path: '/aar', name: 'from the record: proposals and tables', before: (page) => page.getByTestId('tab-record').click(), ready: id('candidate') },
  { path: '/aar', name: 'analysis: objectives and observations', before: (page) => page.getByTestId('tab-analysis').click(), ready: id('objective') },
  { path: '/aar', name: 'improvement plan', before: (page) => page.getByTestId('tab-plan').click(), ready: id('aar-plan') },
  { path: '/aar', name: 'all corrective actions', before: (page) => page.getByTestId('tab-board').click(), ready: (page) => page.getByTestId('action-board').getByRole('button').first() },
  { path: '/exercises', name: 'an exercise', before: (page) => page.getByTestId('exercise-row').first().click(), ready: (page) => page.locator('main').getByRole('button', { name: /^Remove / }).first() },
  { path: '/prep?tab=plans', name: 'a plan and its versions', before: (page) => page.locator('main').getByRole('button', { name: /^Open/ }).first().click(), ready: id('plan-versions') },
  { path: '/map', name: 'overlays', before: tab('Files'), ready: (page) => page.getByTestId('overlay-list').or(page.getByText('No overlays imported yet.')) },
  { path: '/status?view=requests', name: 'status requests', ready: id('new-status-request') },
  { path: '/status?view=catalogue', name: 'status catalogue', ready: id('status-catalogue') },
];

test.describe('buttons of repeated rows are named by their row', () => {
  test('no two buttons or links of a screen share a name unless they do the same thing', async ({ page, host }) => {
    test.setTimeout(600_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const found: Record<string, Record<string, number>> = {};
    for (const v of VISITS) {
      await page.goto(`${host.url.split('#')[0]}#${v.path}`);
      await waitForScreen(page, 'console');
      await expect(page.locator('main')).not.toBeEmpty();
      await v.before?.(page);
      await expect(v.ready(page)).toBeVisible();
      const visit = `${v.path}${v.name ? ` (${v.name})` : ''}`;
      const dups = await duplicates(v.scope?.(page) ?? page.locator('main'), visit, !v.noButtons);
      if (Object.keys(dups).length) found[visit] = dups;
      if (v.scope) await page.keyboard.press('Escape');
    }
    expect(found).toEqual({});
  });

  test('lists the demonstration holds one row of, given a second: sync peers, backups', async ({ page, host }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    const base = host.url.split('#')[0];
    await page.goto(`${base}#/sync`);
    await waitForScreen(page, 'console');
    for (const address of ['10.255.255.1:4790', '10.255.255.2:4790']) {
      await page.getByTestId('peer-address').fill(address);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByTestId('peer-row').filter({ hasText: address })).toBeVisible();
    }
    const found: Record<string, Record<string, number>> = {};
    found['/sync (two peers)'] = await duplicates(page.locator('main'), '/sync (two peers)');
    await page.goto(`${base}#/settings`);
    await waitForScreen(page, 'console');
    const backups = page.getByTestId('backups-panel');
    for (const n of [1, 2]) {
      await backups.getByRole('button', { name: 'Back up now' }).click();
      await expect(backups.getByText('Verified')).toHaveCount(n, { timeout: 30_000 });
    }
    found['/settings (two backups)'] = await duplicates(page.locator('main'), '/settings (two backups)');
    expect(found).toEqual({ '/sync (two peers)': {}, '/settings (two backups)': {} });
  });

  test('two holdings of one name in different caches: each button names the cache', async ({ page, host }) => {
    test.setTimeout(120_000);
    await loadDemoAt(page, host.url, 'inventory');
    // The demonstration's coalition cache N95, and a second stock under the same name elsewhere.
    await page.getByRole('button', { name: 'Add holding' }).click();
    const form = page.getByTestId('inventory-form');
    await form.getByLabel(/^Name/).fill('Coalition cache N95 respirators');
    await form.getByLabel(/^Kind/).fill('N95 respirator');
    await form.getByLabel(/^Quantity held/).fill('500');
    await pick(page, form, 'Owner', 'Copper Beech');
    await form.getByLabel(/^Location/).fill('Pittsfield EMS garage');
    await form.getByRole('button', { name: 'Add holding' }).click();
    await expect(form).toBeHidden();
    await page.getByRole('textbox', { name: 'Search' }).fill('Coalition cache N95');
    const main = page.locator('main');
    await expect(page.getByTestId('inventory-row')).toHaveCount(2);
    // The word shown is still Count; what is said names the cache.
    const there = main.getByRole('button', { name: 'Count Coalition cache N95 respirators, Pittsfield EMS garage', exact: true });
    await expect(there).toHaveText('Count');
    await expect(main.getByRole('button', { name: 'Count Coalition cache N95 respirators, Coalition cache, Northampton warehouse (demo)', exact: true })).toHaveText('Count');
    expect(await duplicates(main, '/inventory (one name in two caches)')).toEqual({});
  });

  test('the map\'s overlays and packs, each given twice under one name: every Remove names which', async ({ page, host }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+Shift+M');
    await expect(page.locator('[data-testid="map-screen"]')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const main = page.locator('main');
    // shelters.geojson imported, then again once updated: two overlays named "shelters".
    await page.getByRole('tab', { name: 'Files' }).click();
    const overlayFile = page.locator('[data-testid="overlay-import"] input[type="file"]');
    for (const n of [2, 3]) {
      const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [-72.6 + i * 0.01, 42.3] }, properties: { name: `Shelter ${i + 1}` } }));
      await overlayFile.setInputFiles({ name: 'shelters.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) });
      await expect(page.getByTestId('overlay-imported')).toContainText(`${n} features`);
    }
    await expect(page.getByTestId('overlay-list').getByRole('button', { name: /^Remove overlay shelters/ })).toHaveCount(2);
    await expect(main.getByRole('button', { name: 'Remove overlay shelters, 3 features', exact: true })).toHaveText('Remove');
    const found: Record<string, Record<string, number>> = {};
    found['/map (two overlays of one name)'] = await duplicates(main, '/map (two overlays of one name)');
    // The same region's pack loaded twice.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-packs-'));
    const raster = path.join(dir, 'region.pmtiles');
    writeRasterPack(raster);
    await page.getByRole('tab', { name: 'Packs' }).click();
    const packFile = page.locator('[data-testid="map-packs"] input[type="file"]');
    for (const n of [1, 2]) {
      await packFile.setInputFiles(raster);
      await page.getByTestId('map-pack-load').click();
      await expect(page.getByTestId('map-pack')).toHaveCount(n);
    }
    await expect(main.getByRole('button', { name: /^Remove map pack E2E raster region, region.pmtiles, SHA-256 \w{8}, 2 of 2$/ })).toHaveText('Remove');
    found['/map (one pack loaded twice)'] = await duplicates(main, '/map (one pack loaded twice)');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(found).toEqual({ '/map (two overlays of one name)': {}, '/map (one pack loaded twice)': {} });
  });

  test('a line sourced twice alike from one cache: each Withdraw names which', async ({ page, host }) => {
    test.setTimeout(120_000);
    await loadDemoAt(page, host.url, 'requests');
    await page.locator('[data-testid="board-row"][data-status="sourcing"]').first().click();
    await expect(page.getByTestId('fill').first()).toBeVisible();
    const before = await page.getByTestId('fill').count();
    // The same quantity from the same holding, under the same order number: alike but for when.
    const chosen = await sourceLine(page, 'Inventory', 1, 'Coalition cache');
    await sourceLine(page, 'Inventory', 1, chosen.split(' (')[0]!.trim());
    await expect(page.getByTestId('fill')).toHaveCount(before + 2);
    const withdraw = page.locator('main').getByRole('button', { name: /^Withdraw 1 from .*, [12] of 2$/ });
    await expect(withdraw).toHaveCount(2);
    await expect(withdraw.first()).toHaveText('Withdraw');
    expect(await duplicates(page.locator('main'), '/requests (one line sourced twice alike)')).toEqual({});
  });
});
