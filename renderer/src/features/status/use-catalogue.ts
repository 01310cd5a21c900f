import { useMemo } from 'react';
import type { StatusType } from '../../../../shared/contract';
import { useMethod } from '../../lib/query';

/** The EEI catalogue, with its types by id. */
export function useCatalogue() {
  const q = useMethod('status.catalogue', {});
  const types = useMemo(() => new Map<string, StatusType>((q.data?.types ?? []).map((t) => [t.id, t])), [q.data]);
  return { ...q, types };
}
