import { describe, expect, it } from 'vitest';
import { openBackend, tempDir } from '../helpers/backend';
import { crashCycle } from './crash-cycle';

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged write, the file sound and the chains valid, over several crashes', async () => {
    const dataDir = tempDir();
    let total = 0;
    for (let cycle = 0; cycle < 3; cycle++) {
      const r = await crashCycle(dataDir, cycle, 300 + cycle * 150);
      total += r.acknowledged;
      expect(r.lost).toEqual([]);
      expect(r.integrity).toBe('ok');
      expect(r.chainOk).toBe(true);
    }
    expect(total).toBeGreaterThan(10);
    // The next start takes over the dead writer's lock and opens normally.
    const t = await openBackend({ dataDir });
    expect((await t.call('integrity.verify', {})).ok).toBe(true);
  });
});
