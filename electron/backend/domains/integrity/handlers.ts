import { ANCHOR_FORMAT, type integrityMethods } from '../../../../shared/contract/integrity';
import { invalid } from '../../errors';
import { fingerprintOf } from '../../identity/keys';
import type { HandlersFor } from '../../registry';
import { otherHeads, workstationName } from './queries';

export const integrityHandlers: HandlersFor<keyof typeof integrityMethods> = {
  'integrity.verify': async (_input, { services }) => {
    const r = await services.verify();
    return { ok: r.ok, checkedLinks: r.checkedLinks, workstations: r.workstations, problems: r.problems, moreProblems: r.moreProblems, notes: r.notes };
  },
  'integrity.status': (_input, { services }) => services.integrityStatus(),
  'integrity.anchor': (_input, ctx) => {
    const own = ctx.services.signHead('anchor');
    if (!own) throw invalid('Nothing is recorded yet, so there is no chain head to anchor');
    const heads = [own, ...otherHeads(ctx.db, own.workstationId)].map((h) => ({
      ...h,
      fingerprint: fingerprintOf(h.publicKey),
      workstationName: workstationName(ctx.db, h.workstationId),
    }));
    ctx.write((tx) => tx.audit('integrity.anchored', { seq: own.seq, hash: own.hash, fingerprint: fingerprintOf(own.publicKey) }));
    return { format: ANCHOR_FORMAT, writtenAt: own.signedAt, dataFile: ctx.services.databaseFile, heads };
  },
};
