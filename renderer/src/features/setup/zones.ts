/**
 * The zone list for first-run setup. The runtime's list of canonical zones leaves out
 * "UTC" and aliases such as "US/Eastern", so a workstation set to one of those showed a
 * blank field that silently held UTC. Its own zone is always in the list, first, so what
 * the field holds is what it shows.
 */
export function zoneOptions(own: string, supported: readonly string[]): string[] {
  const rest = supported.filter((z) => z !== own && z !== 'UTC');
  return [own, ...(own === 'UTC' ? [] : ['UTC']), ...rest];
}

/** The workstation's own zone, as the operating system gives it ("UTC" when it gives none). */
export function workstationZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
  }
}

/** UTC is rarely a coalition's own zone: shown beside the field so it is never chosen unnoticed. */
export function zoneWarning(zone: string): string | null {
  return zone === 'UTC' || zone === 'Etc/UTC'
    ? 'UTC: every time will be shown in UTC, not in local time. This workstation gives no local zone; choose the coalition’s zone (e.g. America/New_York).'
    : null;
}
