import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * CPU time of the calling thread so far, in ms: the browser host runs its backend in a
 * worker thread, so the process's total would add up two threads' work. Linux says it per
 * thread (schedstat: ns on the CPU); elsewhere the process's total is the best there is.
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  }
}

/**
 * Start-up milestones, for the start-up bench (tests/bench/foundation.ts): a performance
 * mark carrying its thread's CPU time so far, so a phase's cost can be told apart from
 * time spent waiting for a busy machine.
 */
export function bootMark(name: string): void {
  performance.mark(`eoc:${name}`, { detail: { cpuMs: threadCpuMs() } });
}

/** A milestone: wall-clock ms since the epoch, its thread's CPU ms, and which thread. */
export type BootMarks = Record<string, [wallMs: number, cpuMs: number, thread: string]>;

/** This thread's milestones so far; the host's thread also has Node's own bootstrap first. */
export function bootMarks(thread: 'host' | 'worker' = 'host'): BootMarks {
  const at = (ms: number) => Math.round((performance.timeOrigin + ms) * 10) / 10;
  const out: BootMarks = thread === 'host' ? { 'eoc:node-bootstrapped': [at(performance.nodeTiming.bootstrapComplete), Number.NaN, thread] } : {};
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('eoc:')) out[m.name] = [at(m.startTime), Math.round((m as { detail?: { cpuMs: number } }).detail?.cpuMs ?? Number.NaN), thread];
  }
  return out;
}
