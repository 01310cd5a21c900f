import type { TimelineFilters, TimelineItem } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { conflict } from '../../errors';
import { hydrate } from '../timeline/hydrate';
import { keyQuery, pageOf } from '../timeline/page';

/** Enough for any real incident; a bigger export is narrowed with filters first. */
export const EXPORT_MAX_ROWS = 250_000;

/** Every timeline row matching the filters, oldest first, with full text, read page by page. */
export function collectTimeline(db: Db, incidentId: string, filters: TimelineFilters): TimelineItem[] {
  const out: TimelineItem[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { rows, nextCursor } = pageOf(db, keyQuery(db, incidentId, filters, 'oldest', 200, cursor));
    out.push(...hydrate(db, rows, { fullText: true }));
    if (out.length > EXPORT_MAX_ROWS) {
      throw conflict(`The export would hold more than ${EXPORT_MAX_ROWS.toLocaleString('en-US')} records; narrow it with a period, position or type filter`);
    }
    if (!nextCursor) return out;
    cursor = nextCursor;
  }
}
