import { ANCHOR_FORMAT, type integrityMethods } from '../../../../shared/contract/integrity';
import { invalid } from '../../errors';
import { fingerprintOf } from '../../identity/keys';
import { parseWitnessLine, witnessOfHead } from '../../integrity/witnesses';
import type { HandlersFor } from '../../registry';
import { otherHeads, workstationName } from './queries';

export const integrityHandlers: HandlersFor<keyof typeof integrityMethods> = {
  'integrity.verify': async ({ anchors, heads }, { services }) => {
    const witnesses = anchors.flatMap(({ name, anchor }) => anchor.heads.map((h) => witnessOfHead(h, `anchor file ${name}`)));
    for (const line of heads) {
      try {
        witnesses.push(parseWitnessLine(line));
      } catch (e) {
        throw invalid(e instanceof Error ? e.message : String(e));
      }
    }
    const r = await services.verify(witnesses);
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
