import { performance } from 'node:perf_hooks';

/**
 * Start-up milestones, for the start-up bench (tests/bench/foundation.ts): a performance
 * mark carrying the process's CPU time so far, so a phase's cost can be told apart from
 * time spent waiting for a busy machine.
 */
export function bootMark(name: string): void {
  const cpu = process.cpuUsage();
  performance.mark(`eoc:${name}`, { detail: { cpuMs: (cpu.user + cpu.system) / 1000 } });
}

/** Every milestone so far as `{ name: [wall-clock ms, CPU ms] }`, the node bootstrap first. */
export function bootMarks(): Record<string, [number, number]> {
  const at = (ms: number) => Math.round((performance.timeOrigin + ms) * 10) / 10;
  const out: Record<string, [number, number]> = { 'eoc:node-bootstrapped': [at(performance.nodeTiming.bootstrapComplete), Number.NaN] };
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('eoc:')) out[m.name] = [at(m.startTime), Math.round((m as { detail?: { cpuMs: number } }).detail?.cpuMs ?? Number.NaN)];
  }
  return out;
}
