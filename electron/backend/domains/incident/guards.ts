import { FUTURE_TOLERANCE_MS } from '../../../../shared/domain/incident-rules';
import type { Db } from '../../db/open';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import type { ReadContext } from '../../registry';
import { getPosition } from '../session/queries';
import { getIncidentRow, incidentState, type IncidentRow } from './queries';
import { timeFormatter } from './time';

export function requireIncident(db: Db, id: string): IncidentRow {
  const row = getIncidentRow(db, id);
  if (!row) throw notFound('That incident');
  return row;
}

const closedIncident = (name: string) =>
  conflict(`Incident "${name}" is closed: nothing more can be recorded in it. Reopen it first if the record must go on.`);

/** Records are added only to an open incident; a closed one is reopened first. */
export function requireOpenIncident(db: Db, id: string): IncidentRow {
  const row = requireIncident(db, id);
  if (row.status !== 'open') throw closedIncident(row.name);
  return row;
}

/**
 * The same check as requireOpenIncident for a write that needs only the incident's id: its
 * own row, read without the level's join (the cost of every log entry).
 */
export function assertOpenIncident(db: Db, id: string): void {
  const row = incidentState(db, id);
  if (!row) throw notFound('That incident');
  if (row.status !== 'open') throw closedIncident(row.name);
}

/** The position of the operator on duty: every write handler runs signed in. */
export function actorPosition(ctx: ReadContext): { id: string; code: string; title: string } {
  if (!ctx.position) throw forbidden('Sign in with your name and position before recording anything');
  return ctx.position;
}

export function requirePosition(db: Db, id: string) {
  const p = getPosition(db, id);
  if (!p) throw notFound('That position');
  return p;
}

/** A time the operator typed must not be in the future (beyond clock drift). */
export function assertNotFuture(db: Db, at: number, now: number, label: string, field: string): void {
  if (at > now + FUTURE_TOLERANCE_MS) {
    const fmt = timeFormatter(db);
    throw invalid(`${label} (${fmt(at)}) is in the future; it is now ${fmt(now)}. Check the date and time.`, {
      issues: [{ path: [field], message: `${label} is in the future` }],
    });
  }
}
