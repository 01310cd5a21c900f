import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { methods, type MethodInput, type MethodName, type MethodOutput, type ResponseEnvelope } from '../../../shared/contract';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/backend';

const dirs: string[] = [];
const open: Backend[] = [];

afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh data folder, removed after the test. */
export function tempDir(prefix = 'eoc-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

let seq = 0;

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  raw(method: string, input: unknown): Promise<ResponseEnvelope>;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export async function openBackend(opts: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dataDir = opts.dataDir ?? tempDir();
  const backend = await createBackend({ backupIntervalMs: 0, ...opts, dataDir });
  open.push(backend);
  const raw = (method: string, input: unknown) => backend.handle({ id: String(++seq), method, input });
  return {
    backend,
    dataDir,
    raw,
    async call(method, input) {
      const r = await raw(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      // Every answer is checked against the contract's output schema: the renderer trusts it.
      const checked = methods[method].output.safeParse(r.result);
      if (!checked.success) throw new Error(`${method} answered outside its output schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return r.result as never;
    },
  };
}

/** A backend that has completed first-run setup and has an operator signed in. */
export async function openReadyBackend(opts: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const t = await openBackend(opts);
  const status = await t.call('setup.status', {});
  if (!status.configured) {
    await t.call('setup.complete', {
      coalitionName: 'Test Coalition',
      region: 'Region 1',
      timeZone: 'America/New_York',
      workstationName: 'EOC-1',
    });
  }
  const { positions } = await t.call('position.list', {});
  const duty = positions.find((p) => p.code === 'HCCDO')!;
  await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: duty.id });
  return t;
}
