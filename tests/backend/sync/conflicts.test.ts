import { describe, expect, it } from 'vitest';
import { coalition, hashes, syncAll } from './harness';

async function incident(a: Awaited<ReturnType<typeof coalition>>[number]) {
  const { levels } = await a.call('incident.levels', {});
  return (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id }))
    .incident.id;
}

describe('sync: concurrent edits of one field', () => {
  it('converge at once to the newest clock, keep the other value, and show the pair in every queue; the operator’s pick is a new change that settles it everywhere', async () => {
    const [a, b] = await coalition(2);
    const id = await incident(a!);
    syncAll([a!, b!]);
    // Neither has seen the other's edit when it writes.
    await a!.call('incident.update', { id, name: 'Ice storm (north)' });
    await b!.call('incident.update', { id, name: 'Ice storm (valley)' });
    syncAll([a!, b!]);
    const [na, nb] = [
      (await a!.call('incident.get', { id })).incident.name,
      (await b!.call('incident.get', { id })).incident.name,
    ];
    expect(na).toBe(nb);
    expect(na).toBe('Ice storm (valley)'); // b wrote last: the newest clock wins
    for (const t of [a!, b!]) {
      const q = await t.call('sync.conflicts', {});
      expect(q.total).toBe(1);
      expect(q.conflicts[0]).toMatchObject({
        table: 'incidents',
        column: 'name',
        record: 'Incident Ice storm (valley)',
        field: 'Name',
        current: { value: 'Ice storm (valley)', workstationName: 'EOC-2', operatorName: 'HCCDO operator' },
        other: { value: 'Ice storm (north)', workstationName: 'EOC-1' },
      });
    }
    // On a, the operator keeps the other value: a new change, made with sight of both.
    const c = (await a!.call('sync.conflicts', {})).conflicts[0]!;
    await a!.call('sync.resolve', { table: c.table, rowId: c.rowId, column: c.column, keepChangeId: c.other.changeId });
    expect((await a!.call('sync.conflicts', {})).total).toBe(0);
    syncAll([a!, b!]);
    expect((await b!.call('sync.conflicts', {})).total).toBe(0);
    expect((await b!.call('incident.get', { id })).incident.name).toBe('Ice storm (north)');
    expect(new Set(hashes([a!, b!])).size).toBe(1);
  });

  it('is not a conflict when the second writer had seen the first value, nor when both wrote the same value', async () => {
    const [a, b] = await coalition(2);
    const id = await incident(a!);
    syncAll([a!, b!]);
    await a!.call('incident.update', { id, name: 'Ice storm (north)' });
    syncAll([a!, b!]);
    await b!.call('incident.update', { id, name: 'Ice storm (valley)' }); // b saw a's edit
    await a!.call('incident.update', { id, description: 'Freezing rain' });
    await b!.call('incident.update', { id, description: 'Freezing rain' }); // same words, concurrently
    syncAll([a!, b!]);
    expect((await a!.call('sync.conflicts', {})).total).toBe(0);
    expect((await b!.call('sync.conflicts', {})).total).toBe(0);
    expect((await a!.call('incident.get', { id })).incident.name).toBe('Ice storm (valley)');
  });

  it('keeps concurrent edits of different fields of one record, each as written', async () => {
    const [a, b] = await coalition(2);
    const id = await incident(a!);
    syncAll([a!, b!]);
    await a!.call('incident.update', { id, name: 'Ice storm (north)' });
    await b!.call('incident.update', { id, description: 'Freezing rain' });
    syncAll([a!, b!]);
    for (const t of [a!, b!])
      expect((await t.call('incident.get', { id })).incident).toMatchObject({
        name: 'Ice storm (north)',
        description: 'Freezing rain',
      });
    expect((await a!.call('sync.conflicts', {})).total).toBe(0);
  });
});
