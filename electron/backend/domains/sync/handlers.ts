import type { syncMethods } from '../../../../shared/contract/sync';
import { isDerived, isLocalTable } from '../../db/derived';
import { FACT_TABLES } from '../../db/migrations';
import { conflict, invalid, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getCoalition, isConfigured } from '../setup/queries';
import { decodeJoin, issueJoin, joiningCoalition, nextShortCode, recordIssued, setJoining } from './join';
import { lacking, readVector, type Vector } from './vector';
import { addPeer, listConflicts, listPeers } from './queries';
import { isDemo } from '../demo/queries';
import { markedFileName } from '../export/marks';

const member = (
  r: { id: string; name: string | null; short_code: string | null; removed_at?: number | null },
  you: string,
) => ({
  id: r.id,
  name: r.name,
  shortCode: r.short_code,
  you: r.id === you,
  removedAt: r.removed_at ?? null,
});

export const syncHandlers: HandlersFor<keyof typeof syncMethods> = {
  'sync.status': (_input, { db, services }) => {
    const rows = db
      .prepare('SELECT id, name, short_code, removed_at FROM workstations WHERE deleted = 0 ORDER BY short_code, name')
      .all() as {
      id: string;
      name: string | null;
      short_code: string | null;
      removed_at: number | null;
    }[];
    const me = rows.find((r) => r.id === services.workstationId) ?? {
      id: services.workstationId,
      name: null,
      short_code: null,
    };
    return {
      workstation: member(me, services.workstationId),
      coalitionId: getCoalition(db)?.id ?? joiningCoalition(db),
      members: rows.map((r) => member(r, services.workstationId)),
      held: db.prepare('SELECT count(*) FROM sync_inbox').pluck().get() as number,
      conflicts: db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number,
    };
  },
  'sync.bundleExport': (_input, { services, db }) => {
    const { fileName, bytes, summary } = services.bundles.export();
    // A bundle of the demonstration coalition is named so, as every file it exports is.
    return { fileName: markedFileName(fileName, { demo: isDemo(db) }), base64: Buffer.from(bytes).toString('base64'), summary };
  },
  'sync.bundleOpen': ({ base64 }, { services }) => services.bundles.open(Buffer.from(base64, 'base64')),
  'sync.bundleApply': ({ bundleId, part }, { services }) => services.bundles.apply(bundleId, part),
  'sync.peers': (_input, { db }) => {
    const mine = readVector(db);
    const count = db.prepare('SELECT count(*) FROM changes WHERE workstation_id = ? AND hlc > ?').pluck();
    const peers = listPeers(db).map((p) => {
      const theirs = p.their_vector ? (JSON.parse(p.their_vector) as Vector) : null;
      const toSend = theirs ? lacking(mine, theirs, (o, h) => count.get(o, h) as number).reduce((n, l) => n + l.facts + l.changes, 0) : null;
      return {
        address: p.address,
        source: p.source,
        workstationId: p.workstation_id,
        name: p.name,
        fingerprint: p.fingerprint,
        connected: p.connected === 1,
        lastContactAt: p.last_contact_at,
        lastError: p.last_error,
        toSend,
      };
    });
    const port = db.prepare("SELECT value FROM meta WHERE key = 'sync_port'").pluck().get() as string | undefined;
    return { peers, syncPort: port ? Number(port) : null };
  },
  'sync.addPeer': ({ address }, ctx) =>
    ctx.write((tx) => {
      const port = Number(address.split(':').at(-1));
      if (!(port >= 1 && port <= 65535)) throw invalid('The port must be a number from 1 to 65535');
      addPeer(ctx.db, address, 'typed', tx.now());
      tx.touched('sync_peers');
      return { added: true };
    }),
  'sync.removePeer': ({ address }, ctx) =>
    ctx.write((tx) => {
      const r = ctx.db.prepare('DELETE FROM sync_peers WHERE address = ?').run(address);
      tx.touched('sync_peers');
      return { removed: r.changes > 0 };
    }),
  'sync.conflicts': ({ limit }, { db }) => listConflicts(db, limit),
  'sync.resolve': ({ table, rowId, column, keepChangeId }, ctx) =>
    ctx.write((tx) => {
      if (FACT_TABLES.has(table) || isLocalTable(table) || isDerived(table, column))
        throw invalid('That field is not one that conflicts');
      const kept = ctx.db
        .prepare('SELECT value FROM changes WHERE id = ? AND table_name = ? AND row_id = ? AND column_name = ?')
        .get(keepChangeId, table, rowId, column) as { value: string | null } | undefined;
      if (!kept) throw notFound('That value of the field');
      const open = ctx.db
        .prepare('SELECT 1 FROM sync_conflicts WHERE table_name = ? AND row_id = ? AND column_name = ?')
        .get(table, rowId, column);
      if (!open) throw conflict('This conflict was already settled, here or on another workstation');
      tx.confirm(table, rowId, {
        [column]: kept.value === null ? null : (JSON.parse(kept.value) as string | number | null),
      });
      tx.audit('sync.conflictResolved', { table, rowId, column, kept: keepChangeId });
      return { resolved: true };
    }),
  'sync.removeMember': ({ id }, ctx) =>
    ctx.write((tx) => {
      if (id === ctx.services.workstationId)
        throw conflict('A workstation cannot remove itself; ask another member to remove it');
      const row = ctx.db.prepare('SELECT name, removed_at FROM workstations WHERE id = ? AND deleted = 0').get(id) as
        { name: string | null; removed_at: number | null } | undefined;
      if (!row) throw notFound('That workstation');
      if (row.removed_at !== null) throw conflict(`${row.name ?? 'That workstation'} was already removed`);
      // Its records up to what this workstation holds of it stay valid; later ones are refused.
      const after = readVector(ctx.db)[id]?.seq ?? 0;
      tx.put('workstations', id, {
        removed_at: tx.now(),
        removed_by: ctx.services.workstationId,
        removed_after_seq: after,
      });
      tx.audit('sync.memberRemoved', { id, name: row.name, afterRecord: after });
      return { removed: true };
    }),
  'sync.issueJoin': (_input, ctx) =>
    ctx.write((tx) => {
      const coalition = getCoalition(ctx.db);
      if (!coalition) throw conflict('Set up this workstation first: a join code names its coalition');
      const shortCode = nextShortCode(ctx.db);
      recordIssued(ctx.db, shortCode);
      tx.audit('sync.joinIssued', { shortCode });
      const code = issueJoin({
        coalitionId: coalition.id,
        coalitionName: coalition.name,
        shortCode,
        issuer: ctx.services.workstationId,
        now: tx.now(),
        identity: ctx.services.identity,
      });
      return { code, shortCode };
    }),
  'sync.join': ({ code, workstationName }, ctx) =>
    ctx.write((tx) => {
      const { coalitionName, enrolment: e } = decodeJoin(code, tx.now());
      if (isConfigured(ctx.db, ctx.services.workstationId) || getCoalition(ctx.db))
        throw conflict('This workstation already belongs to a coalition');
      const already = joiningCoalition(ctx.db);
      if (already && already !== e.coalitionId) throw conflict('This workstation is already joining another coalition');
      setJoining(ctx.db, e.coalitionId, { id: e.issuer, key: e.issuerKey });
      tx.put('workstations', ctx.services.workstationId, {
        name: workstationName,
        short_code: e.shortCode,
        enrolment: JSON.stringify(e),
      });
      tx.audit('sync.joined', { coalitionId: e.coalitionId, coalitionName, shortCode: e.shortCode, issuer: e.issuer });
      return { coalitionId: e.coalitionId, coalitionName, shortCode: e.shortCode };
    }),
};
