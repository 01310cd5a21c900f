import type { BrowserContext, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { expect, test, waitForScreen } from './fixtures/host';
import { loadDemoAndSignIn } from './flows-resources';
import { writeRasterPack, writeVectorPack } from './fixtures/map-packs';
import os from 'node:os';
import path from 'node:path';

/** Aborts and counts every request that would leave this machine: the map must make none. */
async function countOutside(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && !loopback) {
      outside.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  return outside;
}

async function openMap(page: Page) {
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.locator('[data-testid="map-screen"]')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('map-canvas')).toHaveAttribute('data-basemap', 'drawn');
}

type Layer = 'organisations' | 'requests' | 'caches';
type Drawn = Partial<Record<Layer, { clusters: number; points: number; cluster?: { x: number; y: number; words: string }; point?: { x: number; y: number; key: string } }>>;
/** What the map's canvas drew, as it sums it up on the map's element: how many of each, and where one is. */
const drawn = async (page: Page): Promise<Drawn> => JSON.parse((await page.locator('.leaflet-container').getAttribute('data-symbols')) ?? '{}') as Drawn;
const drawnCount = async (page: Page, layer: Layer) => {
  const d = (await drawn(page))[layer];
  return d ? d.clusters + d.points : 0;
};
/** A point of the map's element, as the page's pixels. */
async function onMap(page: Page, at: { x: number; y: number }) {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  return { x: box.x + at.x, y: box.y + at.y };
}

async function setLayer(page: Page, key: string, on: boolean) {
  const box = page.getByTestId(`layer-${key}`);
  if ((await box.isChecked()) !== on) await box.click();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

const shelters = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: 1000 }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-72.9 + (i % 40) * 0.02, 42.05 + Math.floor(i / 40) * 0.02] },
    properties: { name: `Shelter ${i + 1}`, beds: 20 + (i % 7) },
  })),
});
const zones = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Evacuation zone A</name><Polygon><outerBoundaryIs><LinearRing><coordinates>-72.70,42.30 -72.60,42.30 -72.60,42.36 -72.70,42.30</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Detour</name><LineString><coordinates>-72.65,42.32 -72.55,42.38</coordinates></LineString></Placemark>
</Document></kml>`;

test.describe('the map, with every request off this machine aborted', () => {
  test('draws the demo coalition offline, switches layers, keeps a drawn area, imports, exports and prints', async ({ page, context, host }) => {
    test.setTimeout(240_000);
    const outside = await countOutside(context);
    // Nothing the map needs may be missing: a marker image or tile that 404s fails here.
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await openMap(page);

    // Basemap, members, caches and requests, each with words.
    await expect(page.locator('.leaflet-pane canvas').first()).toBeVisible();
    // Members, caches and requests are drawn on one canvas, not as thousands of elements.
    await expect(page.locator('.leaflet-eoc-symbols-pane canvas')).toBeVisible();
    await expect(page.locator('.leaflet-marker-pane .eoc-sym:not(.eoc-sym--ann)')).toHaveCount(0);
    for (const layer of ['organisations', 'caches', 'requests'] as const) await expect.poll(() => drawnCount(page, layer)).toBeGreaterThan(0);
    await expect(page.getByTestId('layer-organisations')).toHaveAccessibleName(/Member organisations \(\d+\)/);
    // Members by their facility status, in words: the legend names each state, and the demo's
    // hospital on diversion says so in its row of the list.
    await expect(page.getByTestId('legend-status')).toContainText('On diversion');
    await expect(page.getByTestId('legend-status')).toContainText('STALE');
    await expect(page.getByTestId('map-list-item').filter({ hasText: 'Status: On diversion' }).first()).toBeVisible();

    // Layers switch: members leave the map and the list; the count of what is in view drops.
    const before = await page.getByTestId('map-list-item').count();
    await setLayer(page, 'organisations', false);
    await expect.poll(() => drawnCount(page, 'organisations')).toBe(0);
    await expect.poll(() => page.getByTestId('map-list-item').count()).toBeLessThan(before);
    await setLayer(page, 'requests', false);
    await setLayer(page, 'caches', false);
    await expect.poll(() => drawn(page)).toEqual({});

    // With the pointer: resting on a cluster says how many it holds; a click zooms in until it splits.
    await setLayer(page, 'caches', true);
    const zoom = async () => Number(/Zoom (\d+)/.exec((await page.getByTestId('map-coords').textContent()) ?? '')?.[1]);
    await expect.poll(async () => (await drawn(page)).caches?.cluster).toBeTruthy();
    const cluster = (await drawn(page)).caches!.cluster!;
    expect(cluster.words).toMatch(/^\d+ caches$/);
    const wide = await zoom();
    const clusterAt = await onMap(page, cluster);
    await page.mouse.move(clusterAt.x, clusterAt.y);
    await expect(page.locator('.eoc-sym-tip')).toHaveText(`${cluster.words}: click to zoom in`);
    await page.mouse.click(clusterAt.x, clusterAt.y);
    await expect.poll(zoom).toBeGreaterThan(wide);
    // A click on a single cache opens its popup, and its words (status included) show on the way.
    await expect.poll(async () => (await drawn(page)).caches?.point).toBeTruthy();
    const cache = (await drawn(page)).caches!.point!;
    const cacheAt = await onMap(page, cache);
    await page.mouse.move(cacheAt.x, cacheAt.y);
    await expect(page.locator('.eoc-sym-tip')).toContainText('Cache: ');
    await page.mouse.click(cacheAt.x, cacheAt.y);
    await expect(page.getByTestId('map-popup')).toHaveAttribute('data-key', cache.key);
    await page.locator('.leaflet-popup-close-button').click();
    await expect(page.getByTestId('map-popup')).toHaveCount(0);

    // The keyboard's way to the same records is the list: arrows move, Enter shows the record
    // on the map with its popup, Shift+Enter opens its record's screen.
    await expect(page.getByTestId('legend-help')).toContainText('By keyboard: the In view list');
    await page.getByTestId('map-list').focus();
    await page.keyboard.press('ArrowDown');
    const row = page.getByTestId('map-list-item').nth(1);
    await expect(row).toHaveAttribute('aria-selected', 'true');
    const key = (await row.getAttribute('data-key'))!;
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('map-popup')).toHaveAttribute('data-key', key);
    await expect.poll(zoom).toBeGreaterThanOrEqual(13);
    await page.locator('.leaflet-popup-close-button').click();

    // Find a quiet place offline, then draw an area there.
    await setLayer(page, 'caches', false);
    await page.getByTestId('map-search').fill('Cummington');
    await page.getByRole('option', { name: /^Cummington, MA · Town/ }).click();
    await expect(page.getByTestId('map-coords')).toContainText('Zoom 12');
    await page.getByRole('tab', { name: 'Draw' }).click();
    await page.getByTestId('draw-polygon').click();
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // As a person clicks: move there, press, release.
    for (const [dx, dy] of [[-90, -60], [90, -70], [100, 60], [-80, 70], [-90, -60]] as const) {
      await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
      await page.mouse.down();
      await page.mouse.up();
    }
    const form = page.getByTestId('annotation-form');
    await expect(form).toContainText('You drew an area');
    await form.getByLabel('Label').fill('E2E shelter-in-place zone');
    await form.getByLabel('Note').fill('Drawn by the end-to-end test');
    await form.getByRole('button', { name: 'Save annotation' }).click();
    await expect(form).toBeHidden();
    const label = page.locator('.eoc-ann-label', { hasText: 'E2E shelter-in-place zone' });
    await expect(label).toBeVisible();

    for (const key of ['organisations', 'requests', 'caches']) await setLayer(page, key, true);
    await page.reload();
    await waitForScreen(page, 'console');
    await expect(page.locator('[data-testid="map-screen"]')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await page.getByTestId('map-search').fill('Cummington');
    await page.getByRole('option', { name: /^Cummington, MA · Town/ }).click();
    await expect(label).toBeVisible();
    // Every page shows it: a second window on the same console.
    const second = await context.newPage();
    await second.goto(host.url);
    await waitForScreen(second, 'console');
    await openMap(second);
    await expect(second.locator('.eoc-ann-label', { hasText: 'E2E shelter-in-place zone' })).toBeAttached();
    await second.close();

    // Overlays: a GeoJSON file of 1,000 features and a KML file.
    await page.getByRole('tab', { name: 'Files' }).click();
    const fileInput = page.locator('[data-testid="overlay-import"] input[type="file"]');
    await fileInput.setInputFiles({ name: 'shelters.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(shelters) });
    await expect(page.getByTestId('overlay-imported')).toContainText('1,000 features');
    await fileInput.setInputFiles({ name: 'zones.kml', mimeType: 'application/vnd.google-earth.kml+xml', buffer: Buffer.from(zones) });
    await expect(page.getByTestId('overlay-imported')).toContainText('“zones”: 2 features');
    await expect(page.getByTestId('layer-overlays')).toHaveAccessibleName('Imported overlays (1002)');
    // A bad file is refused in words.
    await fileInput.setInputFiles({ name: 'broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
    await expect(page.getByRole('alert')).toContainText('not valid GeoJSON');

    // A layer exported to GeoJSON, read back as an overlay, and exported again: equal.
    const first = await download(page, () => page.getByTestId('export-run').click());
    expect(first.name).toMatch(/^DEMO-map-organisations-\d{4}-\d{2}-\d{2}\.geojson$/);
    const exported = JSON.parse(first.bytes.toString('utf8')) as { features: { properties: { name: string } }[] };
    expect(exported.features.length).toBeGreaterThan(50);
    await fileInput.setInputFiles({ name: first.name, mimeType: 'application/geo+json', buffer: first.bytes });
    await expect(page.getByTestId('overlay-imported')).toContainText(`${exported.features.length} features`);
    // The list of overlays grows by a row when the change reaches it, after the import's own
    // answer: clicked before, the row pushes the layer select down under the pointer.
    await expect(page.getByTestId('layer-overlays')).toHaveAccessibleName(`Imported overlays (${1002 + exported.features.length})`);
    await page.getByTestId('export-layer').click();
    await page.getByRole('option', { name: /^Overlay: DEMO-map-organisations/ }).click();
    const again = await download(page, () => page.getByTestId('export-run').click());
    expect((JSON.parse(again.bytes.toString('utf8')) as { features: unknown[] }).features).toEqual(exported.features);

    // The view printed to PDF: one Letter landscape page, marked exercise and demo.
    await page.getByRole('tab', { name: 'Print' }).click();
    const pdf = await download(page, () => page.getByTestId('print-pdf').click());
    expect(pdf.name).toMatch(/^DEMO-EXERCISE-map-.*\.pdf$/);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 792, height: 612 });
    fs.writeFileSync(test.info().outputPath('map-print.pdf'), pdf.bytes);
    await expect(page.getByTestId('print-preview-image')).toBeVisible();
    // And as a PNG, Letter portrait at 150 dots per inch.
    await page.getByText('Letter portrait').click();
    const png = await download(page, () => page.getByTestId('print-png').click());
    expect(png.name).toMatch(/^DEMO-EXERCISE-map-.*\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1275, 1650]);

    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
  });

  test('shows a record on the map from its own screen, with its popup and a way back', async ({ page, context, host }) => {
    const outside = await countOutside(context);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await page.keyboard.press('Alt+8');
    const link = page.getByTestId('organisation-row').first().getByRole('button').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByTestId('organisation-detail')).toBeVisible();
    await page.getByTestId('show-on-map').click();
    await expect(page.locator('[data-testid="map-screen"]')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const popup = page.getByTestId('map-popup');
    await expect(popup).toContainText(name);
    await expect(popup).toContainText('Placed: Centre of ZIP code');
    await expect(popup.getByTestId('popup-status')).toHaveText(/^Status: (Closed|Evacuating|No power|On diversion|Compromised|On generator|ED closed|EMS advisory|Normal|No report|Does not report facility status)(, stale|, overdue)?$/);
    await popup.getByTestId('popup-open-record').click();
    await expect(page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })).toHaveText(name);
    expect(outside).toEqual([]);
  });

  test('loads a raster and a vector map pack, shows its SHA-256, and draws it from byte ranges of the same origin', async ({ page, context, host }) => {
    const outside = await countOutside(context);
    const failed: string[] = [];
    const ranges: number[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (new URL(r.url()).pathname.startsWith('/map-packs/')) ranges.push(r.status());
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-e2e-packs-'));
    const raster = path.join(dir, 'region-raster.pmtiles');
    const vector = path.join(dir, 'region-vector.pmtiles');
    writeRasterPack(raster);
    writeVectorPack(vector);
    await page.goto(host.url);
    await loadDemoAndSignIn(page);
    await openMap(page);
    await page.getByRole('tab', { name: 'Packs' }).click();
    const input = page.locator('[data-testid="map-packs"] input[type="file"]');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex').match(/.{8}/g)!.join(' ');
    await input.setInputFiles(raster);
    await page.getByTestId('map-pack-load').click();
    await expect(page.getByTestId('map-pack-loaded')).toContainText(sha(raster));
    // Raster tiles arrive as images over byte ranges (206), not the whole file.
    await expect(page.locator('.leaflet-tile-pane img.leaflet-tile-loaded').first()).toBeAttached();
    await input.setInputFiles(vector);
    await page.getByTestId('map-pack-load').click();
    await expect(page.getByTestId('map-pack-loaded')).toContainText(sha(vector));
    await expect(page.getByTestId('map-pack')).toHaveCount(2);
    await expect(page.locator('.leaflet-tile-pane canvas.leaflet-tile').first()).toBeAttached();
    // A file that is not a tile archive is refused in words, and nothing is added.
    await input.setInputFiles({ name: 'notes.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('these are my notes, not a map') });
    await page.getByTestId('map-pack-load').click();
    await expect(page.getByRole('alert')).toContainText('is not a map pack');
    await expect(page.getByTestId('map-pack')).toHaveCount(2);
    expect(ranges.length).toBeGreaterThan(2);
    expect(new Set(ranges)).toEqual(new Set([206]));
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
