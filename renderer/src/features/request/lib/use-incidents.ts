import { useMethod } from '../../../lib/query';

/**
 * Open incidents to choose from, and the one this workstation is working (issue 3's
 * `incident.active`), which is the default wherever a request needs an incident.
 */
export function useIncidents() {
  const list = useMethod('incident.list', { status: 'open' });
  const active = useMethod('incident.active', {});
  const incidents = list.data?.incidents ?? [];
  const options = incidents.map((i) => ({ value: i.id, label: i.exercise ? `${i.name} (EXERCISE)` : i.name }));
  const defaultId = active.data?.incident?.id ?? incidents[0]?.id ?? null;
  return { incidents, options, defaultId, isLoading: list.isLoading, error: list.error };
}
