import { useMemo } from 'react';
import type { Capability, Framework } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';
import { useSubview } from '../../lib/use-subview';
import { useActiveIncident } from '../incident/use-active-incident';

/** The incident whose report is shown: `?incident=` in the address, else the active one. */
export function useAarIncident(): { incidentId: string | null; choose: (id: string) => void; tab: string; setTab: (t: string) => void } {
  const { params, open } = useSubview();
  const { incident } = useActiveIncident();
  const incidentId = params.get('incident') ?? incident?.id ?? null;
  const tab = params.get('tab') ?? 'report';
  return {
    incidentId,
    tab,
    choose: (id) => open({ incident: id, tab }),
    setTab: (t) => open({ ...(incidentId ? { incident: incidentId } : {}), tab: t }),
  };
}

export function useFrameworks(): { frameworks: Framework[]; capability: (id: string | null) => Capability | null } {
  const q = useMethod('aar.frameworks', {});
  const frameworks = useMemo(() => q.data?.frameworks ?? [], [q.data]);
  const byId = useMemo(() => new Map(frameworks.flatMap((f) => f.capabilities.map((c) => [c.id, c] as const))), [frameworks]);
  return { frameworks, capability: (id) => (id ? (byId.get(id) ?? null) : null) };
}

/** Select options for a framework's capabilities, objectives indented under theirs. */
export function capabilityOptions(f: Framework | undefined): { value: string; label: string }[] {
  if (!f) return [];
  const top = f.capabilities.filter((c) => !c.parentId);
  return top.flatMap((c) => [
    { value: c.id, label: `${c.code} ${c.title}` },
    ...f.capabilities.filter((o) => o.parentId === c.id).map((o) => ({ value: o.id, label: `  ${o.code} ${o.title}` })),
  ]);
}
