import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../../renderer/src/lib/distinct-names';

type Holding = { id: string; name: string; location: string; ownerName: string };
/** As the inventory names its rows: by name, then location, then owner. */
const holdingNames = (items: Holding[]) => distinctNames(items, (h) => h.name, [(h) => h.location, (h) => h.ownerName]);

const h = (id: string, name: string, location: string, ownerName = 'Coalition'): Holding => ({ id, name, location, ownerName });

describe('distinctNames (the inventory\'s holdings)', () => {
  it('names a holding by its name alone where no other holding of the list has it', () => {
    const names = holdingNames([h('a', 'Coalition cache N95 respirators', 'Northampton warehouse'), h('b', 'Light towers', 'Highway garage')]);
    expect([...names.values()]).toEqual(['Coalition cache N95 respirators', 'Light towers']);
  });

  it('adds the location where two holdings in different caches share a name, however it is spelled or spaced', () => {
    const names = holdingNames([h('a', 'N95 respirators', 'Northampton warehouse'), h('b', 'n95  respirators ', 'Pittsfield garage'), h('c', 'Cots', 'Northampton warehouse')]);
    expect(names.get('a')).toBe('N95 respirators, Northampton warehouse');
    expect(names.get('b')).toBe('n95  respirators, Pittsfield garage');
    expect(names.get('c')).toBe('Cots');
  });

  it('adds the owner where the location is the same too, and the place among them where even that is', () => {
    const names = holdingNames([
      h('a', 'N95 stock', 'Central supply', 'Birchwood Community Hospital'),
      h('b', 'N95 stock', 'Central supply', 'Ironwood Community Hospital'),
      h('c', 'N95 stock', 'Central supply', 'Ironwood Community Hospital'),
      h('d', 'N95 stock', 'Materials management', 'Ironwood Community Hospital'),
    ]);
    expect(names.get('a')).toBe('N95 stock, Central supply, Birchwood Community Hospital');
    expect(names.get('b')).toBe('N95 stock, Central supply, Ironwood Community Hospital, 1 of 2');
    expect(names.get('c')).toBe('N95 stock, Central supply, Ironwood Community Hospital, 2 of 2');
    expect(names.get('d')).toBe('N95 stock, Materials management');
    expect(new Set(names.values()).size).toBe(4);
  });

  it('with no details, tells rows of one name apart by their place', () => {
    const names = distinctNames([{ id: 'a' }, { id: 'b' }], () => 'shelters', []);
    expect([...names.values()]).toEqual(['shelters, 1 of 2', 'shelters, 2 of 2']);
  });

  it('skips a detail a row does not have, and goes on to the next', () => {
    const fills = [
      { id: 'a', order: '', eta: 'ETA 14:00' },
      { id: 'b', order: '', eta: 'ETA 15:00' },
    ];
    const names = distinctNames(fills, () => 'Withdraw 2 from the cache (line 1)', [(f) => f.order, (f) => f.eta]);
    expect([...names.values()]).toEqual(['Withdraw 2 from the cache (line 1), ETA 14:00', 'Withdraw 2 from the cache (line 1), ETA 15:00']);
  });
});
