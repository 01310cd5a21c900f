// npm run bench: every benchmark, each printing its figures beside a baseline measured in
// the same run. Never part of npm test. Pass names to run only some: npm run bench -- foundation
import { aarBench } from './aar';
import { foundationBench } from './foundation';
import { integrityBench } from './integrity';
import { requestsBench } from './requests';
import { logsBench } from './logs';
import { timelineUiBench } from './timeline-ui';
import { syncBench } from './sync';
import { mapBench } from './map';
import { statusBench } from './status';
import { plansBench } from './plans';
import { memoryBench } from './memory';
import { writesBench } from './writes';

export interface Bench {
  readonly name: string;
  readonly title: string;
  run(): Promise<void>;
}

/** Every benchmark; a feature adds its own here. */
const benches: Bench[] = [
  foundationBench,
  requestsBench,
  logsBench,
  timelineUiBench,
  integrityBench,
  aarBench,
  mapBench,
  statusBench,
  plansBench,
  syncBench,
  memoryBench,
  writesBench,
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const started = Date.now();
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue;
  console.log(`\n== ${b.title} ==`);
  await b.run();
}
console.log(`\nBenchmarks done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
