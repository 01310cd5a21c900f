import { useCommand, useMethod } from '../../lib/query';

/** This workstation's working incident and its current period, as the top bar shows them. */
export function useActiveIncident() {
  const q = useMethod('incident.active', {});
  return {
    incident: q.data?.incident ?? null,
    period: q.data?.currentPeriod ?? null,
    loading: q.isPending,
    error: q.error,
  };
}

export function useSetActiveIncident() {
  return useCommand('incident.setActive');
}
