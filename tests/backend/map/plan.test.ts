import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/backend/db/migrate';
import { ANNOTATIONS_OF_INCIDENT_SQL } from '../../../electron/backend/domains/map/queries';
import { OPEN_REQUEST_PLACES_SQL } from '../../../electron/backend/domains/request/queries';
import { tempDir } from '../helpers/backend';

const planOf = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('the map’s reads on every refresh', () => {
  const db = new Database(path.join(tempDir(), 'plan.sqlite'));
  migrate(db);

  it('read an incident’s annotations by index, with who drew them from the changes index', () => {
    const plan = planOf(db, ANNOTATIONS_OF_INCIDENT_SQL, 'x');
    expect(plan).toMatch(/SEARCH a USING INDEX map_annotations_incident/);
    expect(plan).toMatch(/SEARCH c USING INDEX changes_field/);
    expect(plan).not.toMatch(/SCAN (a|c)\b/);
  });

  it('read the open requests by the board’s indexes, already in priority order', () => {
    expect(planOf(db, OPEN_REQUEST_PLACES_SQL.incident, 'x')).toMatch(/SEARCH requests USING INDEX requests_incident_board/);
    expect(planOf(db, OPEN_REQUEST_PLACES_SQL.all)).toMatch(/SEARCH requests USING INDEX requests_board/);
    expect(planOf(db, OPEN_REQUEST_PLACES_SQL.incident, 'x')).not.toMatch(/TEMP B-TREE/);
  });
});
