import { newId as uuidv7 } from '../../db/ids';
import type { MethodParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid, notFound } from '../../errors';
import { positionByCode } from '../session/queries';
import { standardPositionId } from '../setup/handlers';
import { assertNotFuture } from './guards';
import { openPeriod } from './periods';
import { getIncidentRow, getLevel, getTemplate } from './queries';

/** The Situation Unit Leader keeps the significant events board unless the incident says otherwise. */
export const DEFAULT_BOARD_APPROVERS = [standardPositionId('SITL')];

/**
 * Creates an incident or exercise; from a template it copies the hazard, the checklists
 * per position and (with a first period) the objectives and positions to staff.
 */
export function createIncident(db: Db, tx: WriteTx, input: MethodParsedInput<'incident.create'>): { incidentId: string; periodId: string | null } {
  const now = tx.now();
  const level = getLevel(db, input.activationLevelId);
  if (!level) throw notFound('That activation level');
  const template = input.templateId ? getTemplate(db, input.templateId) : null;
  if (input.templateId && !template) throw notFound('That incident template');
  const startedAt = input.startedAt ?? now;
  assertNotFuture(db, startedAt, now, 'The start time', 'startedAt');
  const id = uuidv7();
  tx.put('incidents', id, {
    name: input.name,
    number: input.number ? input.number : null,
    exercise: input.exercise ? 1 : 0,
    hazard_type: input.hazardType ?? template?.hazardType ?? '',
    description: input.description ?? template?.description ?? '',
    template_id: template?.id ?? null,
    activation_level_id: level.id,
    status: 'open',
    started_at: startedAt,
    closed_at: null,
    closing_note: null,
    board_approvers: JSON.stringify(DEFAULT_BOARD_APPROVERS),
  });
  for (const list of template?.checklists ?? []) {
    const position = positionByCode(db, list.positionCode);
    if (!position) continue; // a coalition may have retired a position the template names
    list.items.forEach((text, i) =>
      tx.put('checklist_items', uuidv7(), { incident_id: id, position_id: position.id, ordinal: i + 1, text }),
    );
  }
  tx.audit('incident.created', {
    incidentId: id,
    name: input.name,
    exercise: input.exercise,
    template: template?.name ?? null,
    level: level.name,
  });
  let periodId: string | null = null;
  if (input.firstPeriod) {
    const startsAt = input.firstPeriod.startsAt ?? startedAt;
    const endsAt = input.firstPeriod.endsAt ?? startsAt + (input.firstPeriod.hours ?? 12) * 3_600_000;
    if (endsAt <= startsAt) {
      throw invalid('The first operational period must end after it starts', { issues: [{ path: ['firstPeriod', 'endsAt'], message: 'Ends before it starts' }] });
    }
    periodId = openPeriod(db, tx, getIncidentRow(db, id)!, { startsAt, endsAt, copyStaffing: false });
  }
  return { incidentId: id, periodId };
}
