import type { Incident, Period, Position } from '../../../shared/contract';
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

/** A ready backend with an open incident from the evacuation template and period 1 open. */
export async function incidentFixture(opts: { exercise?: boolean; name?: string } = {}): Promise<IncidentFixture> {
  const t = await openReadyBackend();
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
    firstPeriod: { startsAt: now - 2 * HOUR, endsAt: now + 10 * HOUR },
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
