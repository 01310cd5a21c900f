import { useMethod } from './query';

/**
 * Names workstations as people know them ("EOC-LOGISTICS-1 (WS2)"), never by id when a
 * name is known: the coalition's member list (name and short code, kept by sync) first,
 * then the workstations this store has met, then the start of the id.
 */
export function useWorkstationLabel(): (id: string) => string {
  const known = useMethod('system.workstations', {});
  const sync = useMethod('sync.status', {});
  const names = new Map((known.data?.workstations ?? []).map((w) => [w.id, w.name]));
  const members = new Map((sync.data?.members ?? []).map((m) => [m.id, m]));
  return (id) => {
    const m = members.get(id);
    const name = m?.name ?? names.get(id);
    if (!name) return `workstation ${id.slice(0, 8)}`;
    return `${name}${m?.shortCode ? ` (${m.shortCode})` : ''}`;
  };
}
