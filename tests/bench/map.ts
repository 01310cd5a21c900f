// The map in Chromium and its map-pack tile serving, each beside a baseline measured in the
// same run: first full render with 5,000 members and 1,000 open requests against an empty
// map; frame times while panning and zooming; tiles served by byte range from a generated
// 1 GB PMTiles archive against a 1 MB one, with the memory the host holds while serving.
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBackend } from '../../electron/backend';
import { Compression, PmtilesWriter, TileType } from '../../electron/backend/domains/map/packs/pmtiles-write';
import { zipsOf } from '../../electron/backend/domains/geocode/geocode';
import { decodeLayers } from '../../shared/contract/map-layers';
import { openConsole, SERVER, startHost } from './host';
import type { Bench } from './run';
import { client, rng } from './seed';
import { fmt, report, summarize } from './stats';

const ORGANISATIONS = 5_000;
const REQUESTS = 1_000;
const RUNS = 5;
const DISCIPLINES = ['hospital', 'ems', 'public_health', 'emergency_management', 'long_term_care', 'community_health_center', 'dialysis', 'home_health', 'pharmacy', 'behavioral_health', 'urgent_care', 'other'];

/** A data folder with the coalition set up, an operator on duty and a working incident; members and requests if asked. */
export async function seed(organisations: number, requests: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-map-'));
  const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  const call = client(backend);
  await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH-1' });
  const { positions } = await call('position.list', {});
  await call('session.signIn', { operatorName: 'Bench Operator', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  const { levels } = await call('incident.levels', {});
  const { incident } = await call('incident.create', { name: 'Bench incident', exercise: false, activationLevelId: levels[0]!.id, startedAt: Date.now() - 3_600_000 });
  await call('incident.setActive', { incidentId: incident.id });
  if (organisations) {
    // Members spread over the Massachusetts ZIP codes, placed offline from them, imported as one CSV.
    const zips = zipsOf(['MA']);
    const r = rng(9);
    const rows = Array.from({ length: organisations }, (_, i) => {
      const z = zips[Math.floor(r() * zips.length)]!;
      return [`Bench member ${i + 1}`, `BM${i + 1}`, DISCIPLINES[i % DISCIPLINES.length], i % 3 ? 'supporting' : 'core', '', '', z.town, 'MA', z.zip, '', '', '', '', '', '', '', ''].join(',');
    });
    const csv = ['organisation,short_name,discipline,membership,region,address,town,state,zip,latitude,longitude,contact_name,contact_role,phone_24_7,other_phones,email,radio', ...rows].join('\n');
    const preview = await call('directory.importPreview', { csv });
    await call('directory.importCommit', { csv, digest: preview.digest });
    const { organisations: orgs } = await call('directory.list', { limit: 1000 });
    for (let i = 0; i < requests; i++) {
      await call('request.create', {
        incidentId: incident.id,
        requestingOrganisationId: orgs[i % orgs.length]!.id,
        requestedByName: 'Bench Requester',
        priority: (['urgent', 'routine', 'low'] as const)[i % 3]!,
        deliveryLocation: 'Loading dock',
        lines: [{ quantity: 10, kind: 'N95 respirator' }],
      });
    }
  }
  await backend.close();
  return dataDir;
}

/** The phases of a first render the map times ("map:<phase>" measures), summed per phase. */
type Phases = Record<string, number>;

/** From the hash change to the map drawn with every symbol: data read, basemap drawn, symbols drawn, a frame painted; and where the time went. */
function timeToFullRender(page: Page): Promise<{ ms: number; phases: Phases }> {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; phases: Phases }>((resolve) => {
        const phases: Phases = {};
        const seen = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name.startsWith('map:')) phases[e.name.slice(4)] = (phases[e.name.slice(4)] ?? 0) + e.duration;
        });
        seen.observe({ entryTypes: ['measure'] });
        const t0 = performance.now();
        const ready = () => document.querySelector('[data-testid="map-screen"][data-ready="true"]');
        const check = () => {
          if (ready())
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                seen.disconnect();
                resolve({ ms: performance.now() - t0, phases });
              }),
            );
          else requestAnimationFrame(check);
        };
        location.hash = '#/map';
        requestAnimationFrame(check);
      }),
  );
}

/** Frame times (ms between animation frames) while the map is dragged about and zoomed in and out. */
async function panAndZoomFrames(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + (i % 2 ? -250 : 250), cy + (i % 3 ? 120 : -120), { steps: 20 });
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 ? 300 : -300);
    await page.waitForTimeout(300);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

async function measureUi(dataDir: string): Promise<{ render: number[]; phases: Phases[]; frames: number[] }> {
  const { page, close } = await openConsole(dataDir);
  const render: number[] = [];
  const phases: Phases[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      if (i > 0) await page.reload();
      await page.waitForSelector('body[data-screen="console"]', { state: 'attached' });
      await page.waitForSelector('[data-testid="situation-board"]');
      const r = await timeToFullRender(page);
      render.push(r.ms);
      phases.push(r.phases);
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForSelector('[data-testid="situation-board"]');
    }
    await page.evaluate(() => (location.hash = '#/map'));
    await page.waitForSelector('[data-testid="map-screen"][data-ready="true"]');
    return { render, phases, frames: await panAndZoomFrames(page) };
  } finally {
    await close();
  }
}

interface Archive {
  file: string;
  bytes: number;
  /** Byte ranges of tiles, as the reader asks for them after reading the directories. */
  tiles: { offset: number; length: number }[];
}

/** A PMTiles archive of `maxZoom` full zoom levels, tiles of `tileBytes` each, written with the console's own writer. */
function writeArchive(dataDir: string, maxZoom: number, tileBytes: number): Archive {
  const dir = path.join(dataDir, 'map-packs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${uuidv7()}.pmtiles`);
  const w = new PmtilesWriter(file, { name: 'Bench pack' });
  const body = Buffer.alloc(tileBytes);
  const r = rng(3);
  for (let i = 0; i < body.length; i++) body[i] = Math.floor(r() * 256);
  const tiles: { offset: number; length: number }[] = [];
  // Tile data starts after the 16 KiB header/root space and the metadata.
  const start = 16_384 + Buffer.byteLength(JSON.stringify({ name: 'Bench pack' }));
  let at = 0;
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        body.writeUInt32LE(at, 0); // each tile different
        w.add(z, x, y, body);
        tiles.push({ offset: start + at, length: tileBytes });
        at += tileBytes;
      }
    }
  }
  const bytes = w.finish({ tileType: TileType.Png, tileCompression: Compression.None });
  return { file, bytes, tiles };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function serveTiles(dataDir: string, archive: Archive, requests: number): Promise<{ perTile: number[]; rssBefore: number; rssPeak: number }> {
  const host = startHost(dataDir);
  const url = new URL(await host.url);
  const base = `${url.origin}/map-packs/${path.basename(archive.file)}`;
  const pid = host.child.pid!;
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const r = rng(5);
  const perTile: number[] = [];
  try {
    // The reader's first request: the header and root directory.
    await (await fetch(base, { headers: { range: 'bytes=0-16383' } })).arrayBuffer();
    for (let i = 0; i < requests; i++) {
      const t = archive.tiles[Math.floor(r() * archive.tiles.length)]!;
      const t0 = performance.now();
      const res = await fetch(base, { headers: { range: `bytes=${t.offset}-${t.offset + t.length - 1}` } });
      const got = (await res.arrayBuffer()).byteLength;
      perTile.push(performance.now() - t0);
      if (res.status !== 206 || got !== t.length) throw new Error(`Tile served wrong: ${res.status}, ${got} bytes`);
      if (i % 100 === 0) rssPeak = Math.max(rssPeak, rssMb(pid));
    }
    rssPeak = Math.max(rssPeak, rssMb(pid));
    return { perTile, rssBefore, rssPeak };
  } finally {
    host.child.kill('SIGTERM');
  }
}

/** The map's first read: its handler's time, and its JSON as columns (as sent) against an object per feature (as before). */
async function layersPayload(dataDir: string): Promise<void> {
  const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  const call = client(backend);
  const took: number[] = [];
  let columns = await call('map.layers', {});
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    columns = await call('map.layers', {});
    took.push(performance.now() - t0);
  }
  await backend.close();
  const sent = JSON.stringify(columns);
  const objects = JSON.stringify(decodeLayers(columns));
  const parse = (s: string) => {
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      JSON.parse(s);
      t.push(performance.now() - t0);
    }
    return summarize(t).p50;
  };
  report('map.layers handler (warm), median', fmt(summarize(took).p50));
  report('map.layers payload (JSON), as columns', `${(sent.length / 1024).toFixed(0)} KB, parse ${fmt(parse(sent))}`, `object per feature ${(objects.length / 1024).toFixed(0)} KB, parse ${fmt(parse(objects))}`);
}

const frameLine = (f: number[]) => {
  const s = summarize(f);
  return `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}`;
};

export const mapBench: Bench = {
  name: 'map',
  title: `Map: ${ORGANISATIONS.toLocaleString('en-US')} members and ${REQUESTS.toLocaleString('en-US')} requests in Chromium; tiles from a 1 GB map pack (targets: render < 500 ms, tile p95 < 10 ms)`,
  async run() {
    if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build');
    let t = performance.now();
    const big = await seed(ORGANISATIONS, REQUESTS);
    report(`seed ${ORGANISATIONS} members (CSV import) and ${REQUESTS} requests`, `${((performance.now() - t) / 1000).toFixed(1)} s`);
    await layersPayload(big);
    const empty = await seed(0, 0);
    const e = await measureUi(empty);
    const b = await measureUi(big);
    report(`first full render, median of ${RUNS}`, fmt(summarize(b.render).p50), `empty map ${fmt(summarize(e.render).p50)}`, `worst ${fmt(Math.max(...b.render))}`);
    // Where a first render's time goes, phase by phase (median of the runs; 0 where a phase did not run).
    const phase = (runs: Phases[], name: string) => summarize(runs.map((p) => p[name] ?? 0)).p50;
    for (const name of ['decode', 'items', 'cluster', 'symbols', 'basemap', 'basemap-region', 'basemap-add'])
      report(`  of which ${name}`, fmt(phase(b.phases, name)), `empty map ${fmt(phase(e.phases, name))}`);
    report('frame times panning and zooming', frameLine(b.frames), `empty map ${frameLine(e.frames)}`, `${b.frames.length} frames`);

    t = performance.now();
    const large = writeArchive(big, 7, 48 * 1024);
    const small = writeArchive(empty, 3, 12 * 1024);
    report('write archives with the console\'s PMTiles writer', `${(large.bytes / 1e9).toFixed(2)} GB in ${((performance.now() - t) / 1000).toFixed(1)} s`, `${(small.bytes / 1e6).toFixed(2)} MB`);
    const sServe = await serveTiles(empty, small, 2000);
    const lServe = await serveTiles(big, large, 2000);
    const ls = summarize(lServe.perTile);
    const ss = summarize(sServe.perTile);
    report(`tile by byte range, ${lServe.perTile.length} random tiles of ${large.tiles.length.toLocaleString('en-US')}`, `p50 ${fmt(ls.p50)}, p95 ${fmt(ls.p95)}`, `1 MB pack p50 ${fmt(ss.p50)}, p95 ${fmt(ss.p95)}`);
    report('host memory (RSS) while serving', `${lServe.rssPeak.toFixed(0)} MB (idle ${lServe.rssBefore.toFixed(0)} MB)`, `1 MB pack ${sServe.rssPeak.toFixed(0)} MB`);
    fs.rmSync(big, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  },
};
