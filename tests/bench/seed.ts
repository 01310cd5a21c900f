import type { Backend } from '../../electron/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

/** Calls a method through `handle()`, as the renderer would, throwing on a refusal. */
let seq = 0;
export function client(b: Backend) {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await b.handle({ id: String(++seq), method, input });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as MethodOutput<M>;
  };
}

/** A seeded generator: the same benchmark data on every run. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
