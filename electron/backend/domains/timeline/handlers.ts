import type { timelineMethods } from '../../../../shared/contract/timeline';
import type { HandlersFor } from '../../registry';
import { requireIncident } from '../incident/guards';
import { periodRows } from '../incident/queries';
import { hydrate } from './hydrate';
import { keyQuery, pageOf } from './page';
import { refOf, timelineFacets } from './queries';

export const timelineHandlers: HandlersFor<keyof typeof timelineMethods> = {
  'timeline.page': (input, { db }) => {
    const incident = requireIncident(db, input.incidentId);
    const { rows, nextCursor } = pageOf(db, keyQuery(db, incident.id, input.filters, input.order, input.limit, input.cursor));
    return { items: hydrate(db, rows), nextCursor, exercise: incident.exercise === 1 };
  },
  'timeline.facets': ({ incidentId }, { db }) => {
    requireIncident(db, incidentId);
    const periods = periodRows(db, incidentId).map((p) => ({ id: p.id, number: p.number, startsAt: p.starts_at, endsAt: p.ends_at }));
    const inc = refOf(db, incidentId);
    if (inc === null) return { positions: [], operators: [], categories: [], periods, total: 0 };
    return { ...timelineFacets(db, inc), periods };
  },
};
