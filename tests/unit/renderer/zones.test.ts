import { describe, expect, it } from 'vitest';
import { zoneOptions, zoneWarning } from '../../../renderer/src/features/setup/zones';

const supported = ['America/Chicago', 'America/New_York', 'Europe/Paris'];

describe('the time zone field of first-run setup', () => {
  it('lists the workstation’s own zone first, even when the runtime’s list leaves it out', () => {
    expect(zoneOptions('UTC', supported)[0]).toBe('UTC');
    expect(zoneOptions('US/Eastern', supported)[0]).toBe('US/Eastern');
    expect(zoneOptions('America/New_York', supported)).toEqual(['America/New_York', 'UTC', 'America/Chicago', 'Europe/Paris']);
  });

  it('warns in words when the zone is UTC, and not otherwise', () => {
    expect(zoneWarning('UTC')).toMatch(/UTC: every time will be shown in UTC/);
    expect(zoneWarning('America/New_York')).toBeNull();
  });
});
