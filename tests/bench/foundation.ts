import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { createBackend } from '../../electron/backend';
import { CHROMIUM_ARGS, SERVER, startHost } from './host';
import type { Bench } from './run';
import { fmt, report, summarize } from './stats';



async function roundTrips(send: (i: number) => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) await send(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await send(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

function wsClient(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const waiting = new Map<string, () => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { id?: string };
    if (m.id) waiting.get(m.id)?.();
  });
  return {
    open: new Promise<void>((r, j) => {
      ws.once('open', () => r());
      ws.once('error', j);
    }),
    send: (i: number) =>
      new Promise<void>((resolve) => {
        const id = `r${i}`;
        waiting.set(id, () => {
          waiting.delete(id);
          resolve();
        });
        ws.send(JSON.stringify({ id, method: 'system.ping', input: {} }));
      }),
    close: () => ws.close(),
  };
}

async function latency(): Promise<void> {
  const N = 3000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-'));
  const host = startHost(dir);
  const url = new URL(await host.url);
  const client = wsClient(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, { origin: `http://${url.host}` });
  await client.open;
  const viaHost = summarize(await roundTrips(client.send, N));
  client.close();
  host.child.kill('SIGTERM');

  // Baseline 1: the same backend called in-process, no transport.
  const backend = await createBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-')), backupIntervalMs: 0 });
  const inProcess = summarize(await roundTrips((i) => backend.handle({ id: `x${i}`, method: 'system.ping', input: {} }), N));
  await backend.close();

  // Baseline 2: a bare WebSocket echo in another Node process on loopback, no backend:
  // the cost of the transport alone, measured the same way as the host.
  const echoProc = spawn(
    process.execPath,
    [
      '-e',
      "const {WebSocketServer}=require('ws');const w=new WebSocketServer({port:0,host:'127.0.0.1'});" +
        "w.on('listening',()=>console.log('port '+w.address().port));" +
        "w.on('connection',s=>s.on('message',d=>s.send(JSON.stringify({id:JSON.parse(d.toString()).id}))))",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const echoPort = await new Promise<string>((r) => echoProc.stdout.on('data', (d: Buffer) => r(/port (\d+)/.exec(d.toString())![1]!)));
  const echo = wsClient(`ws://127.0.0.1:${echoPort}`);
  await echo.open;
  const bare = summarize(await roundTrips(echo.send, N));
  echo.close();
  echoProc.kill();

  report(`system.ping via browser host WebSocket (n=${N}) p50`, fmt(viaHost.p50), `bare WS echo ${fmt(bare.p50)}, in-process handle() ${fmt(inProcess.p50)}`);
  report(`system.ping via browser host WebSocket (n=${N}) p99`, fmt(viaHost.p99), `bare WS echo ${fmt(bare.p99)}, in-process handle() ${fmt(inProcess.p99)}`);
}

async function firstScreen(): Promise<void> {
  const browser = await chromium.launch({ executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: CHROMIUM_ARGS });
  const hostTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    const t0 = performance.now();
    const host = startHost(fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-bench-')));
    await page.goto(await host.url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    hostTimes.push(performance.now() - t0);
    host.child.kill('SIGTERM');
    await page.close();

    // Baseline: a Node process serving a one-line page, started and loaded the same way.
    const p2 = await browser.newPage();
    const t1 = performance.now();
    const child = spawn(process.execPath, ['-e', "require('http').createServer((q,s)=>s.end('<body data-ready=true>ok')).listen(0,'127.0.0.1',function(){console.log('ready at http://127.0.0.1:'+this.address().port+'/')})"], { stdio: ['ignore', 'pipe', 'inherit'] });
    const u = await new Promise<string>((r) => child.stdout.on('data', (d: Buffer) => r(/ready at (\S+)/.exec(d.toString())![1]!)));
    await p2.goto(u);
    await p2.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    baseTimes.push(performance.now() - t1);
    child.kill();
    await p2.close();
  }
  await browser.close();
  const h = summarize(hostTimes);
  const b = summarize(baseTimes);
  report('start browser host → first screen in Chromium (median of 5)', fmt(h.p50), `node hello-page ${fmt(b.p50)}`, `worst ${fmt(h.p99)}`);
}

export const foundationBench: Bench = {
  name: 'foundation',
  title: 'Foundation: contract round trip and start-up',
  async run() {
    if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build');
    await latency();
    await firstScreen();
  },
};
