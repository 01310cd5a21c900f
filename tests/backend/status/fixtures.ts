import type { MethodInput, StatusType } from '../../../shared/contract';
import { openReadyBackend, type TestBackend } from '../helpers/backend';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-11-25 10:00 EST: a fixed start, so every time in a test is known. */
export const T0 = Date.UTC(2026, 10, 25, 15, 0);

export interface StatusFixture extends TestBackend {
  clock: { now: number };
  /** Moves the backend's clock forward. */
  advance(ms: number): void;
  types: Map<string, StatusType>;
  /** A status type's id by its code. */
  id(code: string): string;
  facility(name: string, extra?: Partial<MethodInput<'directory.saveOrganisation'>>, phone?: string): Promise<string>;
  report(organisationId: string, values: Record<string, number | string | boolean>, extra?: Partial<MethodInput<'status.report'>>): Promise<string>;
}

/** A signed-in backend on a controlled clock, with the seeded EEI catalogue at hand. */
export async function statusFixture(): Promise<StatusFixture> {
  const clock = { now: T0 };
  const t = await openReadyBackend({ clock: () => clock.now });
  const { types } = await t.call('status.catalogue', {});
  const byCode = new Map(types.map((x) => [x.code, x]));
  const id = (code: string) => {
    const x = byCode.get(code);
    if (!x) throw new Error(`No status type ${code}`);
    return x.id;
  };
  return Object.assign(t, {
    clock,
    advance: (ms: number) => void (clock.now += ms),
    types: byCode,
    id,
    async facility(name: string, extra: Partial<MethodInput<'directory.saveOrganisation'>> = {}, phone?: string) {
      const { organisation } = await t.call('directory.saveOrganisation', { name, discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01103', region: 'Region 1', ...extra });
      if (phone) await t.call('directory.saveContact', { organisationId: organisation.id, name: `${name} command center`, role: 'House supervisor', phone24x7: phone });
      return organisation.id;
    },
    async report(organisationId: string, values: Record<string, number | string | boolean>, extra: Partial<MethodInput<'status.report'>> = {}) {
      const r = await t.call('status.report', {
        organisationId,
        source: 'phone',
        values: Object.entries(values).map(([code, value]) => ({ typeId: id(code), value })),
        ...extra,
      });
      return r.reportId;
    },
  });
}
