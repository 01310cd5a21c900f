import type { syncMethods } from '../../../../shared/contract/sync';
import { isDerived, isLocalTable } from '../../db/derived';
import { FACT_TABLES } from '../../db/migrations';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getCoalition, isConfigured } from '../setup/queries';
import { decodeJoin, encodeJoin, joiningCoalition, nextShortCode, recordIssued, setJoiningCoalition } from './join';
import { listConflicts } from './queries';

const member = (r: { id: string; name: string | null; short_code: string | null }, you: string) => ({ id: r.id, name: r.name, shortCode: r.short_code, you: r.id === you });

export const syncHandlers: HandlersFor<keyof typeof syncMethods> = {
  'sync.status': (_input, { db, services }) => {
    const rows = db.prepare('SELECT id, name, short_code FROM workstations WHERE deleted = 0 ORDER BY short_code, name').all() as { id: string; name: string | null; short_code: string | null }[];
    const me = rows.find((r) => r.id === services.workstationId) ?? { id: services.workstationId, name: null, short_code: null };
    return {
      workstation: member(me, services.workstationId),
      coalitionId: getCoalition(db)?.id ?? joiningCoalition(db),
      members: rows.map((r) => member(r, services.workstationId)),
      held: db.prepare('SELECT count(*) FROM sync_inbox').pluck().get() as number,
      conflicts: db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number,
    };
  },
  'sync.conflicts': ({ limit }, { db }) => listConflicts(db, limit),
  'sync.resolve': ({ table, rowId, column, keepChangeId }, ctx) =>
    ctx.write((tx) => {
      if (FACT_TABLES.has(table) || isLocalTable(table) || isDerived(table, column)) throw invalid('That field is not one that conflicts');
      const kept = ctx.db.prepare('SELECT value FROM changes WHERE id = ? AND table_name = ? AND row_id = ? AND column_name = ?').get(keepChangeId, table, rowId, column) as
        | { value: string | null }
        | undefined;
      if (!kept) throw notFound('That value of the field');
      const open = ctx.db.prepare('SELECT 1 FROM sync_conflicts WHERE table_name = ? AND row_id = ? AND column_name = ?').get(table, rowId, column);
      if (!open) throw conflict('This conflict was already settled, here or on another workstation');
      tx.confirm(table, rowId, { [column]: kept.value === null ? null : (JSON.parse(kept.value) as string | number | null) });
      tx.audit('sync.conflictResolved', { table, rowId, column, kept: keepChangeId });
      return { resolved: true };
    }),
  'sync.issueJoin': (_input, ctx) =>
    ctx.write((tx) => {
      const coalition = getCoalition(ctx.db);
      if (!coalition) throw conflict('Set up this workstation first: a join code names its coalition');
      const shortCode = nextShortCode(ctx.db);
      recordIssued(ctx.db, shortCode);
      tx.audit('sync.joinIssued', { shortCode });
      return { code: encodeJoin({ coalitionId: coalition.id, coalitionName: coalition.name, shortCode, issuer: ctx.services.workstationId, issuedAt: tx.now() }), shortCode };
    }),
  'sync.join': ({ code, workstationName }, ctx) =>
    ctx.write((tx) => {
      const j = decodeJoin(code);
      if (isConfigured(ctx.db, ctx.services.workstationId) || getCoalition(ctx.db)) throw conflict('This workstation already belongs to a coalition');
      const already = joiningCoalition(ctx.db);
      if (already && already !== j.coalitionId) throw conflict('This workstation is already joining another coalition');
      setJoiningCoalition(ctx.db, j.coalitionId);
      tx.put('workstations', ctx.services.workstationId, { name: workstationName, short_code: j.shortCode });
      tx.audit('sync.joined', { coalitionId: j.coalitionId, coalitionName: j.coalitionName, shortCode: j.shortCode, issuer: j.issuer });
      return { coalitionId: j.coalitionId, coalitionName: j.coalitionName, shortCode: j.shortCode };
    }),
};
