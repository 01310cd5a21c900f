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

const RECORDS = 100_000;
const BASELINE_RECORDS = 100;
/** Rows scrolled through on the big timeline: 100 keyset pages of 200. */
const SCROLL_ROWS = Number(process.env.TIMELINE_SCROLL_ROWS ?? 20_000);
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
  frames: number[];
  pageWaits: number[];
  totalMs: number;
}

/**
 * Scrolls the list a step per frame until `rows` rows have gone by (or the end), waiting
 * for the next keyset page whenever the loaded rows run out, and counts DOM rows each frame.
 */
function scrollThrough(page: Page, rows: number): Promise<ScrollResult> {
  return page.evaluate(async (target) => {
    const list = document.querySelector<HTMLElement>('[data-testid="timeline-list"]')!;
    const rowHeight = document.querySelector<HTMLElement>('[data-testid="timeline-row"]')!.parentElement!.getBoundingClientRect().height;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const frames: number[] = [];
    const pageWaits: number[] = [];
    let maxRows = 0;
    let last = await frame();
    const t0 = performance.now();
    const step = list.clientHeight * 2;
    while (list.scrollTop / rowHeight < target) {
      const before = list.scrollHeight;
      const atEnd = list.scrollTop + list.clientHeight >= before - 1;
      if (atEnd) {
        // The list grows when the next page arrives; if it does not, the end was reached.
        const w0 = performance.now();
        while (list.scrollHeight === before && performance.now() - w0 < 10_000) await frame();
        if (list.scrollHeight === before) break;
        pageWaits.push(performance.now() - w0);
        last = await frame();
      }
      list.scrollTop += step;
      const now = await frame();
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, list.querySelectorAll('[data-testid="timeline-row"]').length);
    }
    return { maxRows, rowsSeen: Math.round(list.scrollTop / rowHeight), frames, pageWaits, totalMs: performance.now() - t0 };
  }, rows);
}

interface Measure {
  firstRows: number[];
  scroll: ScrollResult;
}

async function measure(dataDir: string, scrollRows: number): Promise<Measure> {
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
    const scroll = await scrollThrough(page, scrollRows);
    return { firstRows, scroll };
  } finally {
    await close();
  }
}

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
    const bigDir = await seed(RECORDS);
    const seedMs = performance.now() - t;
    t = performance.now();
    const smallDir = await seed(BASELINE_RECORDS);
    const smallSeedMs = performance.now() - t;
    report(`seed ${RECORDS.toLocaleString('en-US')} entries via log.import (in-process)`, `${(seedMs / 1000).toFixed(1)} s`, `${BASELINE_RECORDS} entries ${fmt(smallSeedMs)}`);

    const small = await measure(smallDir, BASELINE_RECORDS);
    const big = await measure(bigDir, SCROLL_ROWS);
    const b = summarize(big.firstRows);
    const s = summarize(small.firstRows);
    report(`time to first rows, median of ${RUNS} (${RECORDS.toLocaleString('en-US')} records)`, fmt(b.p50), `${BASELINE_RECORDS} records ${fmt(s.p50)}`, `worst ${fmt(Math.max(...big.firstRows))}`);
    report(
      `max DOM rows scrolling ${big.scroll.rowsSeen.toLocaleString('en-US')} rows of ${RECORDS.toLocaleString('en-US')}`,
      String(big.scroll.maxRows),
      `${BASELINE_RECORDS} records: ${small.scroll.maxRows}`,
    );
    report('scroll frames (2 viewports per frame)', frameSummary(big.scroll.frames), frameSummary(small.scroll.frames.length ? small.scroll.frames : [0]));
    const waits = summarize(big.scroll.pageWaits);
    report(
      `next page while scrolling (${big.scroll.pageWaits.length} pages waited for)`,
      big.scroll.pageWaits.length ? `p50 ${fmt(waits.p50)}, p95 ${fmt(waits.p95)}` : 'never waited',
      undefined,
      `${(big.scroll.totalMs / 1000).toFixed(1)} s to scroll through`,
    );
    fs.rmSync(bigDir, { recursive: true, force: true });
    fs.rmSync(smallDir, { recursive: true, force: true });
  },
};
