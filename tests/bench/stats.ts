/** Percentiles and timing helpers shared by every benchmark. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samplesMs: number[]): { p50: number; p95: number; p99: number; n: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), n: s.length };
}

export async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** One printed line: the figure, the baseline measured in the same run, and their ratio. */
export function report(label: string, value: string, baseline?: string, note?: string): void {
  console.log(`  ${label.padEnd(58)} ${value.padStart(22)}${baseline ? `   baseline ${baseline}` : ''}${note ? `   ${note}` : ''}`);
}
