import { useMemo } from 'react';
import type { Discipline, Membership } from '../../../../shared/domain/disciplines';
import { useMethod } from '../../lib/query';

export interface OrganisationFilters {
  search: string;
  discipline: Discipline | null;
  membership: Membership | null;
  town: string | null;
}

/**
 * The directory list, filtered by discipline and membership in the backend and by town
 * here (the contract filters towns only through free-text search), plus the towns present.
 */
export function useOrganisations(f: OrganisationFilters) {
  const q = useMethod('directory.list', {
    search: f.search.trim() || null,
    discipline: f.discipline ?? undefined,
    membership: f.membership ?? undefined,
    limit: 1000,
  });
  const all = q.data?.organisations;
  return useMemo(() => {
    const list = all ?? [];
    const towns = [...new Set(list.map((o) => o.town))].sort((a, b) => a.localeCompare(b));
    const rows = f.town ? list.filter((o) => o.town === f.town) : list;
    return { rows, towns, total: q.data?.total ?? 0, isLoading: q.isLoading, error: q.error };
  }, [all, f.town, q.data?.total, q.isLoading, q.error]);
}

/** Every organisation as a Select option, for forms that name one. */
export function useOrganisationOptions() {
  const q = useMethod('directory.list', { limit: 1000 });
  const orgs = q.data?.organisations;
  return useMemo(
    () =>
      (orgs ?? []).map((o) => ({
        value: o.id,
        label: `${o.name} — ${o.disciplineLabel}, ${o.town}`,
      })),
    [orgs],
  );
}
