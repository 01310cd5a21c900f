import type { activationMethods } from '../../../../shared/contract/activation';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { isDemo } from '../demo/queries';
import { coalitionTimeZone, formatLocal } from '../incident/time';
import { getCoalition } from '../setup/queries';
import { currentSheet, getSheet, listSheetVersions } from './queries';
import { printFileName, recordPrint } from './print-result';
import { buildActivationSheetPdf } from './sheet-pdf';
import { saveSheet } from './validate';

export const activationHandlers: HandlersFor<keyof typeof activationMethods> = {
  'activation.current': (_input, { db }) => ({ sheet: currentSheet(db) }),
  'activation.versions': (_input, { db }) => ({ versions: listSheetVersions(db) }),
  'activation.get': ({ id }, { db }) => {
    const sheet = getSheet(db, id);
    if (!sheet) throw notFound('That version of the activation sheet');
    return { sheet };
  },
  'activation.save': ({ content, note }, ctx) =>
    ctx.write((tx) => {
      const id = saveSheet(tx, ctx.db, content, note || null);
      return { sheet: getSheet(ctx.db, id)! };
    }),
  'activation.print': async (_input, ctx) => {
    const sheet = currentSheet(ctx.db);
    if (!sheet) throw notFound('An activation sheet (write one first)');
    const tz = coalitionTimeZone(ctx.db);
    const now = ctx.services.now();
    const demo = isDemo(ctx.db);
    const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    const pdf = await buildActivationSheetPdf({ sheet, coalitionName: getCoalition(ctx.db)?.name ?? '', demo, savedAt: formatLocal(sheet.recordedAt, tz), printedAt: formatLocal(now, tz), printedBy: by });
    const name = printFileName({ demo, what: 'Activation-sheet', detail: `v${sheet.version}`, at: now, ext: 'pdf' });
    return recordPrint(ctx, 'Activation sheet', name, 'application/pdf', pdf.bytes, pdf.pages, { version: sheet.version });
  },
};
