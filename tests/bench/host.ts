import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The built browser host and the Chromium flags every benchmark uses. EOC_BENCH_SERVER
 * names another build's server.js, to compare two builds in alternating runs.
 */
export const SERVER = path.resolve(process.env.EOC_BENCH_SERVER ?? 'out/main/server.js');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the built browser host on a free port (or on `port`: a browser keeps its cache per
 * address); `url` resolves once it says it is ready. With EOC_BOOT_MARKS in `env`, `marks`
 * resolves with its start-up milestones (wall-clock ms, host CPU ms).
 */
export function startHost(dataDir: string, env: Record<string, string> = {}, port = 0) {
  const child = spawn(process.execPath, [SERVER, '--data-dir', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let marks: (m: Record<string, [wallMs: number, cpuMs: number, thread: string]>) => void = () => {};
  const marksP = new Promise<Record<string, [wallMs: number, cpuMs: number, thread: string]>>((r) => (marks = r));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const b = /boot-marks (\{.*\})/.exec(out);
      if (b) marks(JSON.parse(b[1]!) as Record<string, [number, number, string]>);
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`host exited ${c}`)));
  });
  return { child, url, marks: marksP };
}

/**
 * The console in Chromium over a started host, as the UI benchmarks measure it: a
 * 1600 x 1000 page already at the host's address; `close` stops the browser and the host.
 */
export async function openConsole(dataDir: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const host = startHost(dataDir);
  const url = await host.url;
  const browser = await chromium.launch({ executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    host.child.kill('SIGTERM');
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(url);
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * A WebSocket client of a started host, as the renderer talks to it: `call` sends one
 * contract request and resolves with its result (rejects with the refusal in words).
 */
export async function hostClient(hostUrl: string) {
  const { WebSocket } = await import('ws');
  const url = new URL(hostUrl);
  const ws = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { headers: { origin: `http://${url.host}` } });
  const waiting = new Map<string, (m: { ok: boolean; result?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { id?: string; ok: boolean };
    if (m.id) waiting.get(m.id)?.(m);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let seq = 0;
  return {
    call: (method: string, input: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        const id = `c${++seq}`;
        waiting.set(id, (m) => {
          waiting.delete(id);
          if (m.ok) resolve(m.result);
          else reject(new Error(`${method}: ${m.error?.message ?? 'refused'}`));
        });
        ws.send(JSON.stringify({ id, method, input }));
      }),
    close: () => ws.close(),
  };
}
