import type { MethodInput } from '../../../../../shared/contract';
import type { Priority, RequestStatus, Role } from '../../../../../shared/domain/request-state';
import { useMethod } from '../../../lib/query';

export type BoardSort = NonNullable<MethodInput<'request.board'>['sort']>;

export interface BoardFilters {
  incidentId: string | null;
  scope: 'open' | 'closed' | 'all';
  statuses: RequestStatus[];
  priorities: Priority[];
  flag: 'overdue' | 'urgent' | null;
  nextActionRole: Role | null;
  search: string;
  sort: BoardSort;
  direction: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: BoardFilters = {
  incidentId: null,
  scope: 'open',
  statuses: [],
  priorities: [],
  flag: null,
  nextActionRole: null,
  search: '',
  sort: 'priority',
  direction: 'asc',
};

/** The board query; re-read every 30 s so ages and "overdue" stay true while nothing changes. */
export function useBoard(f: BoardFilters) {
  return useMethod(
    'request.board',
    {
      incidentId: f.incidentId ?? undefined,
      scope: f.scope,
      statuses: f.statuses.length ? f.statuses : undefined,
      priorities: f.priorities.length ? f.priorities : undefined,
      flag: f.flag ?? undefined,
      nextActionRole: f.nextActionRole ?? undefined,
      search: f.search.trim() || null,
      sort: f.sort,
      direction: f.direction,
      limit: 500,
    },
    { refetchInterval: 30_000, placeholderData: (prev) => prev },
  );
}
