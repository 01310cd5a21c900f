// npm run soak -- --cycles 1000: crash the writer N times and count lost acknowledged writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashCycle } from './crash-cycle';

const i = process.argv.indexOf('--cycles');
const cycles = i > 0 ? Number(process.argv[i + 1]) : 20;
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error('--cycles must be a whole number of 1 or more');
  process.exit(2);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-soak-'));
let acknowledged = 0;
let lost = 0;
let badFiles = 0;
let badChains = 0;
const started = Date.now();
for (let c = 0; c < cycles; c++) {
  const r = await crashCycle(dataDir, c, 100 + Math.floor(Math.random() * 900));
  acknowledged += r.acknowledged;
  lost += r.lost.length;
  if (r.integrity !== 'ok') badFiles++;
  if (!r.chainOk) badChains++;
  if ((c + 1) % 10 === 0 || c === cycles - 1) {
    console.log(`cycle ${c + 1}/${cycles}: acknowledged ${acknowledged}, lost ${lost}, integrity failures ${badFiles}, chain failures ${badChains}`);
  }
}
console.log(
  `Soak done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${cycles} SIGKILL cycles, ${acknowledged} acknowledged writes, lost writes: ${lost}, integrity failures: ${badFiles}, chain failures: ${badChains}`,
);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(lost || badFiles || badChains ? 1 : 0);
