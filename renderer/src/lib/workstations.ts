import { useMethod } from './query';

/** Names workstations as people know them ("EOC-LOGISTICS-1"), never by id when a name is known. */
export function useWorkstationLabel(): (id: string) => string {
  const q = useMethod('system.workstations', {});
  const names = new Map((q.data?.workstations ?? []).map((w) => [w.id, w.name]));
  return (id) => names.get(id) ?? `workstation ${id.slice(0, 8)}`;
}
