import { useMethod } from '../../lib/query';

/**
 * A record's origin workstation by name, as people know it ("EOC-2 (WS2)"), from the
 * coalition's member list; the start of its id until the list has it.
 */
export function useWorkstationName(): (id: string) => string {
  const status = useMethod('sync.status', {});
  const members = new Map((status.data?.members ?? []).map((m) => [m.id, m]));
  return (id) => {
    const m = members.get(id);
    if (!m) return id.slice(0, 8);
    return `${m.name ?? id.slice(0, 8)}${m.shortCode ? ` (${m.shortCode})` : ''}`;
  };
}
