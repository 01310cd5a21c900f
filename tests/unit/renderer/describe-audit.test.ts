import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESCRIBED_ACTIONS, describeAudit } from '../../../renderer/src/features/overview/describe-audit';

/** Every action name the backend passes to `audit(...)`, read from the source. */
function recordedActions(): Set<string> {
  const files = execFileSync('git', ['grep', '-l', 'audit(', '--', 'electron/backend'], { encoding: 'utf8' }).trim().split('\n');
  const actions = new Set<string>();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    // audit('a.b', ...), audit(x ? 'a.b' : 'a.c', ...), and audit(\n 'a.b', ...)
    for (const m of src.matchAll(/\baudit\(\s*([^,]*?),/g)) {
      for (const lit of m[1]!.matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)) actions.add(lit[1]!);
    }
  }
  return actions;
}

describe('the audit trail in words', () => {
  it('describes every action the backend records', () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((a) => !DESCRIBED_ACTIONS.has(a))).toEqual([]);
  });

  it('says what happened, with the names involved', () => {
    expect(describeAudit('period.opened', { incident: 'Ice storm', number: 2 })).toBe('Operational period 2 opened for “Ice storm”');
    expect(describeAudit('incident.created', { name: 'Ice storm', exercise: true, level: 'Partial activation', template: null })).toBe(
      'Exercise created: “Ice storm” at Partial activation',
    );
    expect(describeAudit('inventory.counted', { name: 'N95 cache', from: 1200, to: 950 })).toBe('Inventory counted: N95 cache, 1,200 → 950');
    expect(describeAudit('log.imported', { count: 1, source: 'radio', position: 'Situation Unit Leader' })).toBe(
      '1 log entry transcribed (radio) into the Situation Unit Leader log',
    );
    expect(describeAudit('demo.loaded', { organisations: 61, contacts: 150, inventoryItems: 40, requests: 13 })).toMatch(/^Demonstration coalition loaded: 61 organisations/);
  });

  it('still says something readable for an action from a newer version', () => {
    expect(describeAudit('roster.shiftSwapped', {})).toBe('roster: shift swapped');
  });
});
