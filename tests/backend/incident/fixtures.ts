import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Incident, MethodInput, MethodName, MethodOutput, Period, Position } from '../../../shared/contract';
import { createBackend } from '../../../electron/backend';
import { openReadyBackend, type TestBackend } from '../helpers/backend';

export const HOUR = 3_600_000;

export interface IncidentFixture {
  t: TestBackend;
  incident: Incident;
  period: Period;
  positions: Map<string, Position>;
  /** Signs in as another position of the coalition's list, by code. */
  signInAs(code: string, name?: string): Promise<void>;
}

async function withIncident(t: TestBackend, opts: { exercise?: boolean; name?: string }): Promise<IncidentFixture> {
  const { levels } = await t.call('incident.levels', {});
  const { templates } = await t.call('incident.templates', {});
  const template = templates.find((x) => x.name.startsWith('Hospital evacuation'))!;
  const now = Date.now();
  const { incident, period } = await t.call('incident.create', {
    name: opts.name ?? 'Mercy General evacuation',
    exercise: opts.exercise ?? false,
    templateId: template.id,
    activationLevelId: levels.find((l) => l.name === 'Full activation')!.id,
    startedAt: now - 2 * HOUR,
    firstPeriod: { startsAt: now - 4 * HOUR, endsAt: now + 10 * HOUR },
  });
  const { positions } = await t.call('position.list', {});
  const byCode = new Map(positions.map((p) => [p.code, p]));
  return {
    t,
    incident,
    period: period!,
    positions: byCode,
    async signInAs(code, name = `Operator ${code}`) {
      await t.call('session.signIn', { operatorName: name, positionId: byCode.get(code)!.id });
    },
  };
}

/** A ready backend with an open incident from the evacuation template and period 1 open. */
export async function incidentFixture(opts: { exercise?: boolean; name?: string } = {}): Promise<IncidentFixture> {
  return withIncident(await openReadyBackend(), opts);
}

/**
 * The same, for a whole file of tests reading one seeded incident (beforeAll): it is not
 * closed after each test, so the caller closes it in afterAll.
 */
export async function sharedIncidentFixture(opts: { exercise?: boolean; name?: string } = {}): Promise<IncidentFixture & { close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-shared-'));
  const backend = await createBackend({ dataDir, backupIntervalMs: 0 });
  let seq = 0;
  const raw = (method: string, input: unknown) => backend.handle({ id: String(++seq), method, input });
  const t: TestBackend = {
    backend,
    dataDir,
    raw,
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const r = await raw(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      return r.result as MethodOutput<M>;
    },
  };
  await t.call('setup.complete', { coalitionName: 'Test Coalition', region: 'Region 1', timeZone: 'America/New_York', workstationName: 'EOC-1' });
  const { positions } = await t.call('position.list', {});
  await t.call('session.signIn', { operatorName: 'Dana Duty', positionId: positions.find((p) => p.code === 'HCCDO')!.id });
  const f = await withIncident(t, opts);
  return {
    ...f,
    async close() {
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
