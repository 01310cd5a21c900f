import { useMemo } from 'react';
import { RESOURCE_CATALOG } from '../../../../../shared/domain/nims';
import { useMethod } from '../../../lib/query';

/** Options for the requestor section: organisations (with their address) and known kinds. */
export function useRequestFormOptions() {
  const orgs = useMethod('directory.list', { limit: 1000 });
  const kindsQ = useMethod('inventory.kinds', {});
  const list = orgs.data?.organisations;
  const kindList = kindsQ.data?.kinds;
  return useMemo(() => {
    const organisations = list ?? [];
    return {
      orgOptions: organisations.map((o) => ({ value: o.id, label: `${o.name} — ${o.disciplineLabel}, ${o.town}` })),
      orgAddress: new Map(organisations.map((o) => [o.id, [o.name, o.address, o.town].filter(Boolean).join(', ')])),
      kinds: [...new Set([...(kindList ?? []).map((k) => k.kind), ...RESOURCE_CATALOG.map((c) => c.kind)])],
    };
  }, [list, kindList]);
}
