import type { MethodInput } from '../../../shared/contract';
import type { TestBackend } from '../helpers/backend';
import { makeOrg, requestInput, signInAs, step, withIncident } from '../request/fixtures';

export const HOUR = 3_600_000;

export interface AarFixture {
  t: TestBackend;
  incidentId: string;
  /** The incident's start on the test clock. */
  t0: number;
  hospital: string;
  /** Moves the backend's clock to `t0 + ms`. */
  at(ms: number): void;
  /** An ICS 213RR submitted at t0+submitAt and, when given, received at t0+receiveAt. */
  request(o: { priority: 'urgent' | 'routine' | 'low'; submitAt: number; receiveAt?: number; cancelAt?: number; kind?: string }): Promise<string>;
  /** Back to the planner (Planning Section Chief) after steps signed in as others. */
  asPlanner(name?: string): Promise<void>;
}

/** An incident on a clock the test moves, with requests filled (or not) at chosen times. */
export async function aarFixture(opts: { exercise?: boolean } = {}): Promise<AarFixture> {
  const t0 = Date.now() - 30 * HOUR;
  let now = t0;
  const t = await withIncident({ clock: () => now, exercise: opts.exercise ?? false });
  const hospital = await makeOrg(t, 'Riverbend General Hospital');
  const f: AarFixture = {
    t,
    incidentId: t.incidentId,
    t0,
    hospital,
    at(ms) {
      now = t0 + ms;
    },
    async request(o) {
      f.at(o.submitAt);
      await signInAs(t, 'HCCDO');
      const input: MethodInput<'request.create'> = requestInput(t.incidentId, hospital, { priority: o.priority, lines: [{ quantity: 10, kind: o.kind ?? 'Surge cot' }] });
      const { request } = await t.call('request.create', input);
      const id = request.id;
      await step(t, 'HCCDO', { action: 'submit', id });
      if (o.cancelAt !== undefined) {
        f.at(o.cancelAt);
        await step(t, 'HCCDO', { action: 'cancel', id, reason: 'No longer needed' });
        return id;
      }
      await step(t, 'OSC', { action: 'approve', id });
      await step(t, 'RESL', { action: 'check_resources', id, findings: 'Not on hand' });
      await step(t, 'LSC', { action: 'source', id, lineId: request.lines[0]!.id, quantity: 10, source: { kind: 'state', agency: 'MDPH' } });
      if (o.receiveAt === undefined) return id;
      await step(t, 'LSC', { action: 'send_to_finance', id });
      await step(t, 'FSC', { action: 'finance_approve', id });
      f.at(o.receiveAt);
      await step(t, 'OSC', { action: 'receive', id, receivedBy: 'Loading dock' });
      return id;
    },
    async asPlanner(name = 'Pat Planner') {
      await signInAs(t, 'PSC', name);
    },
  };
  return f;
}
