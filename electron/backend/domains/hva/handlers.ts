import type { hvaMethods } from '../../../../shared/contract/hva';
import { notFound } from '../../errors';
import type { HandlersFor, WriteContext } from '../../registry';
import { printFileName, recordPrint } from '../activation/print-result';
import { isDemo } from '../demo/queries';
import { coalitionTimeZone, formatLocal } from '../incident/time';
import { getCoalition } from '../setup/queries';
import { hvaCsv, hvaPdf } from './exports';
import { getAssessment, listAssessments, rankedHazards } from './queries';
import { putAssessment, putHazard } from './records';

function load(ctx: WriteContext, id: string) {
  const assessment = getAssessment(ctx.db, id);
  if (!assessment) throw notFound('That assessment');
  return { assessment, hazards: rankedHazards(ctx.db, id), demo: isDemo(ctx.db), now: ctx.services.now() };
}

export const hvaHandlers: HandlersFor<keyof typeof hvaMethods> = {
  'hva.list': (_input, { db }) => ({ assessments: listAssessments(db) }),
  'hva.get': ({ id }, { db }) => {
    const assessment = getAssessment(db, id);
    if (!assessment) throw notFound('That assessment');
    return { assessment, hazards: rankedHazards(db, id) };
  },
  'hva.saveAssessment': (input, ctx) => ctx.write((tx) => ({ assessment: getAssessment(ctx.db, putAssessment(tx, ctx.db, input))! })),
  'hva.saveHazard': ({ id, ...h }, ctx) =>
    ctx.write((tx) => {
      const rowId = putHazard(tx, ctx.db, id, h);
      return { hazard: rankedHazards(ctx.db, h.assessmentId).find((x) => x.id === rowId)! };
    }),
  'hva.removeHazard': ({ id }, ctx) =>
    ctx.write((tx) => {
      if (!ctx.db.prepare('SELECT 1 FROM hva_hazards WHERE id = ? AND deleted = 0').get(id)) throw notFound('That hazard');
      return { removed: tx.remove('hva_hazards', id) };
    }),
  'hva.exportCsv': ({ id }, ctx) => {
    const { assessment, hazards, demo, now } = load(ctx, id);
    const bytes = new TextEncoder().encode(hvaCsv(assessment, hazards, demo));
    return recordPrint(ctx, 'HVA CSV', printFileName({ demo, what: 'HVA', detail: String(assessment.year), at: now, ext: 'csv' }), 'text/csv', bytes, null, { assessmentId: id });
  },
  'hva.print': async ({ id }, ctx) => {
    const { assessment, hazards, demo, now } = load(ctx, id);
    const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    const footer = `${getCoalition(ctx.db)?.name ?? ''} - printed ${formatLocal(now, coalitionTimeZone(ctx.db))} by ${by}`;
    const pdf = await hvaPdf(assessment, hazards, { demo, footer, by, at: now });
    return recordPrint(ctx, 'HVA', printFileName({ demo, what: 'HVA', detail: String(assessment.year), at: now, ext: 'pdf' }), 'application/pdf', pdf.bytes, pdf.pages, { assessmentId: id });
  },
};
