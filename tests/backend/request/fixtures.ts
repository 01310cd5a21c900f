import type { MethodInput } from '../../../shared/contract';
import { openReadyBackend, type TestBackend } from '../helpers/backend';

/** A signed-in backend with one open incident, as every request test needs. */
export async function withIncident(opts: { exercise?: boolean; clock?: () => number } = {}): Promise<TestBackend & { incidentId: string }> {
  const t = await openReadyBackend(opts.clock ? { clock: opts.clock } : {});
  const { levels } = await t.call('incident.levels', {});
  const { incident } = await t.call('incident.create', {
    name: 'Spring ice storm',
    exercise: opts.exercise ?? false,
    activationLevelId: levels[0]!.id,
  });
  return Object.assign(t, { incidentId: incident.id });
}

/** Signs in as a standard position by its code (LSC, FSC, RESL...). */
export async function signInAs(t: TestBackend, code: string, name = `${code} operator`): Promise<void> {
  const { positions } = await t.call('position.list', {});
  const p = positions.find((x) => x.code === code);
  if (!p) throw new Error(`No position ${code}`);
  await t.call('session.signIn', { operatorName: name, positionId: p.id });
}

export async function makeOrg(t: TestBackend, name: string, extra: Partial<MethodInput<'directory.saveOrganisation'>> = {}): Promise<string> {
  const { organisation } = await t.call('directory.saveOrganisation', {
    name,
    discipline: 'hospital',
    membership: 'core',
    town: 'Springfield',
    zip: '01103',
    ...extra,
  });
  return organisation.id;
}

export async function makeItem(t: TestBackend, ownerId: string, kind: string, held: number, extra: Partial<MethodInput<'inventory.save'>> = {}): Promise<string> {
  const { item } = await t.call('inventory.save', {
    category: 'Medical and Public Health',
    resourceClass: 'supplies',
    kind,
    name: `${kind} stock`,
    unit: 'each',
    location: 'Warehouse A',
    ownerOrganisationId: ownerId,
    status: 'available',
    heldQuantity: held,
    ...extra,
  });
  return item.id;
}

export function requestInput(incidentId: string, orgId: string, extra: Partial<MethodInput<'request.create'>> = {}): MethodInput<'request.create'> {
  return {
    incidentId,
    requestingOrganisationId: orgId,
    requestedByName: 'Lee Park',
    requestedByPosition: 'Director of Nursing',
    priority: 'urgent',
    deliveryLocation: 'Loading dock, 1 Main St',
    lines: [{ quantity: 500, kind: 'N95 respirator', description: 'Fit-tested sizes, regular' }],
    ...extra,
  };
}

/** Runs steps in order, each as the position that owns it. */
export async function step(t: TestBackend, code: string, input: MethodInput<'request.transition'>) {
  await signInAs(t, code);
  return t.call('request.transition', input);
}
