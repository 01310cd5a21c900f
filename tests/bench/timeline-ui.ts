// The timeline screen at 100,000 records: time to first rows, and how many rows the DOM
// holds while scrolling through (virtualized, keyset-paged), beside the same screen at 100.
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { openConsole, SERVER } from './host';
import type { Bench } from './run';
import { fmt, report, summarize } from './stats';

const RECORDS = Number(process.env.TIMELINE_BENCH_RECORDS ?? 100_000);
/** TIMELINE_BENCH_DIR=<folder>: keep the seeded big store there and reuse it on the next run. */
const KEEP = process.env.TIMELINE_BENCH_DIR;
const BASELINE_RECORDS = 100;
/** The scroll: 60,000 px (about 970 rows) at 6,000 px/s, a fast mouse wheel (100 px, under 2 rows, a frame at 60 Hz). */
const SCROLL_DISTANCE_PX = Number(process.env.TIMELINE_SCROLL_PX ?? 60_000);
const SCROLL_SPEED_PX_S = Number(process.env.TIMELINE_SCROLL_SPEED ?? 6_000);
const RUNS = 5;

const CATEGORIES = ['Situation', 'Resource', 'Communications', 'Patient movement', 'Facility status', 'Staffing', 'Task assignment'];
const WORDS = ['Baystate', 'Holyoke', 'Mercy', 'Cooley', 'ICU', 'med-surg', 'ventilator', 'generator', 'ambulance', 'PPE', 'staging', 'diversion'];

/** Seeds a data folder in-process through handle(): setup, operator, incident, N imported entries. */
async function seed(records: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-timeline-'));
  const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  let n = 0;
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await backend.handle({ id: `s${++n}`, method, input });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as MethodOutput<M>;
  };
  await call('setup.complete', { coalitionName: 'Bench Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'BENCH-1' });
  const { positions } = await call('position.list', {});
  const sitl = positions.find((p) => p.code === 'SITL')!;
  await call('session.signIn', { operatorName: 'Bench Operator', positionId: sitl.id });
  const { levels } = await call('incident.levels', {});
  const start = Date.now() - records * 30_000 - 3_600_000;
  const { incident } = await call('incident.create', { name: 'Bench incident', exercise: false, activationLevelId: levels[0]!.id, startedAt: start });
  await call('incident.setActive', { incidentId: incident.id });
  const logs = positions.filter((p) => ['SITL', 'HCCDO', 'OSC', 'LSC', 'MEDCARE'].includes(p.code));
  for (let i = 0; i < records; i += 1000) {
    const count = Math.min(1000, records - i);
    const entries = Array.from({ length: count }, (_, k) => {
      const j = i + k;
      return {
        occurredAt: start + j * 30_000,
        category: CATEGORIES[j % CATEGORIES.length]!,
        text: `Update ${j}: ${WORDS[j % WORDS.length]} reports ${j % 17} ${WORDS[(j * 7) % WORDS.length]} available; next check in ${(j % 4) * 15 + 15} min.`,
      };
    });
    await call('log.import', { incidentId: incident.id, positionId: logs[(i / 1000) % logs.length]!.id, source: 'paper', entries });
  }
  await backend.close();
  return dataDir;
}


/** From the hash change to the first timeline row in the DOM, measured inside the page. */
function timeToFirstRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const done = () => document.querySelector('[data-testid="timeline-row"]');
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = '#/timeline';
      }),
  );
}

interface ScrollResult {
  maxRows: number;
  rowsSeen: number;
  /** Length of each frame in which the list moved. */
  frames: number[];
  /** Frames in which it did not: at the end of what is loaded, waiting for the next page (or at the very end). */
  still: number;
  totalMs: number;
}

/**
 * A mouse-wheel scroll of SCROLL_DISTANCE_PX at SCROLL_SPEED_PX_S, synthesized by the
 * browser's own input pipeline (CDP Input.synthesizeScrollGesture), while the page only
 * records requestAnimationFrame timestamps and whether a scroll event came since the last
 * frame. The measuring code reads no layout during the gesture (it would force one the page
 * would not have done by itself), so what it times is the page's own work per frame: rows
 * rendered, pages fetched and added, style, layout and paint.
 */
async function scrollThrough(page: Page): Promise<ScrollResult> {
  const box = (await page.getByTestId('timeline-list').boundingBox())!;
  await page.evaluate(() => {
    const rec = { t: [] as number[], moved: [] as boolean[], maxRows: 0, on: true };
    (window as unknown as { __scrollRec: typeof rec }).__scrollRec = rec;
    let scrolled = false;
    // Capture on the document: runs before the list's own scroll listener renders rows.
    document.addEventListener('scroll', () => (scrolled = true), { capture: true, passive: true });
    const list = document.querySelector('[data-testid="timeline-list"]')!;
    const tick = (now: number) => {
      if (!rec.on) return;
      rec.t.push(now);
      rec.moved.push(scrolled);
      scrolled = false;
      // Counting rows reads the DOM tree, not its layout: nothing is forced.
      if (rec.t.length % 10 === 0) rec.maxRows = Math.max(rec.maxRows, list.querySelectorAll('[data-testid="timeline-row"]').length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cdp = await page.context().newCDPSession(page);
  const t0 = performance.now();
  await cdp.send('Input.synthesizeScrollGesture', {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    yDistance: -SCROLL_DISTANCE_PX,
    speed: SCROLL_SPEED_PX_S,
    gestureSourceType: 'mouse',
  });
  const totalMs = performance.now() - t0;
  const r = await page.evaluate(() => {
    const rec = (window as unknown as { __scrollRec: { t: number[]; moved: boolean[]; maxRows: number; on: boolean } }).__scrollRec;
    rec.on = false;
    const list = document.querySelector<HTMLElement>('[data-testid="timeline-list"]')!;
    const rowHeight = list.querySelector<HTMLElement>('[data-index]')!.getBoundingClientRect().height;
    return { t: rec.t, moved: rec.moved, maxRows: rec.maxRows, rowsSeen: Math.round(list.scrollTop / rowHeight) };
  });
  const frames: number[] = [];
  let still = 0;
  for (let i = 1; i < r.t.length; i++) {
    if (r.moved[i]) frames.push(r.t[i]! - r.t[i - 1]!);
    else still++;
  }
  return { maxRows: r.maxRows, rowsSeen: r.rowsSeen, frames, still, totalMs };
}

interface Measure {
  firstRows: number[];
  scroll: ScrollResult;
}

async function measure(dataDir: string): Promise<Measure> {
  const { page, close } = await openConsole(dataDir);
  const firstRows: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each run: nothing of the timeline is cached in the renderer.
      if (i > 0) await page.reload();
      await page.waitForSelector('body[data-screen="console"]', { state: 'attached' });
      await page.waitForSelector('[data-testid="situation-board"]');
      firstRows.push(await timeToFirstRows(page));
      await page.evaluate(() => (location.hash = '#/'));
    }
    await page.evaluate(() => (location.hash = '#/timeline'));
    await page.waitForSelector('[data-testid="timeline-row"]');
    const scroll = await scrollThrough(page);
    return { firstRows, scroll };
  } finally {
    await close();
  }
}

/** Frames that took longer than one 60 Hz interval (with a little slack for timer jitter). */
const dropped = (frames: number[]) => frames.filter((f) => f > 16.7 * 1.25).length;

function frameSummary(frames: number[]): string {
  const s = summarize(frames);
  return `frame p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, worst ${fmt(Math.max(...frames))}`;
}

export const timelineUiBench: Bench = {
  name: 'timeline-ui',
  title: `Timeline screen in Chromium: ${RECORDS.toLocaleString('en-US')} records (target: first rows < 500 ms, DOM rows bounded)`,
  async run() {
    if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build');
    let t = performance.now();
    const kept = KEEP && fs.existsSync(path.join(KEEP, `seeded-${RECORDS}`));
    const bigDir = kept ? KEEP : await seed(RECORDS);
    if (KEEP && !kept) {
      fs.cpSync(bigDir, KEEP, { recursive: true });
      fs.writeFileSync(path.join(KEEP, `seeded-${RECORDS}`), '');
    }
    const seedMs = performance.now() - t;
    t = performance.now();
    const smallDir = await seed(BASELINE_RECORDS);
    const smallSeedMs = performance.now() - t;
    report(`seed ${RECORDS.toLocaleString('en-US')} entries via log.import (in-process)${kept ? ', kept from a previous run' : ''}`, `${(seedMs / 1000).toFixed(1)} s`, `${BASELINE_RECORDS} entries ${fmt(smallSeedMs)}`);

    const small = await measure(smallDir);
    const big = await measure(bigDir);
    const b = summarize(big.firstRows);
    const s = summarize(small.firstRows);
    report(`time to first rows, median of ${RUNS} (${RECORDS.toLocaleString('en-US')} records)`, fmt(b.p50), `${BASELINE_RECORDS} records ${fmt(s.p50)}`, `worst ${fmt(Math.max(...big.firstRows))}`);
    report(
      `max DOM rows scrolling ${big.scroll.rowsSeen.toLocaleString('en-US')} rows of ${RECORDS.toLocaleString('en-US')}`,
      String(big.scroll.maxRows),
      `${BASELINE_RECORDS} records: ${small.scroll.maxRows}`,
    );
    report(
      `scroll frames while moving, wheel at ${SCROLL_SPEED_PX_S.toLocaleString('en-US')} px/s (target p95 16.7 ms)`,
      frameSummary(big.scroll.frames),
      `${BASELINE_RECORDS} records: ${frameSummary(small.scroll.frames)}`,
      `${dropped(big.scroll.frames)} of ${big.scroll.frames.length} dropped (baseline ${dropped(small.scroll.frames)} of ${small.scroll.frames.length})`,
    );
    report(
      `frames stopped at the loaded end, waiting for the next page`,
      String(big.scroll.still),
      undefined,
      `${big.scroll.rowsSeen.toLocaleString('en-US')} rows scrolled in ${(big.scroll.totalMs / 1000).toFixed(1)} s`,
    );
    if (!kept) fs.rmSync(bigDir, { recursive: true, force: true });
    fs.rmSync(smallDir, { recursive: true, force: true });
  },
};
