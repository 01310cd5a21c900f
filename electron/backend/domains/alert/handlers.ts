import { XMLParser } from 'fast-xml-parser';
import type { alertMethods } from '../../../../shared/contract/alert';
import { CAP_TEMPLATES } from '../../../../shared/domain/cap';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { printFileName, recordPrint } from '../activation/print-result';
import { isDemo } from '../demo/queries';
import { coalitionTimeZone } from '../incident/time';
import { defaultSender, issueAlert } from './issue';
import { buildAlertPdf } from './print';
import { getAlertRow, listAlerts, toAlert } from './queries';

const parser = new XMLParser({ isArray: (name) => ['category', 'responseType', 'info'].includes(name) });

export const alertHandlers: HandlersFor<keyof typeof alertMethods> = {
  'alert.templates': (_input, { db }) => ({ templates: CAP_TEMPLATES.map((t) => ({ ...t })), defaultSender: defaultSender(db) }),
  'alert.issue': (input, ctx) =>
    ctx.write((tx) => {
      const { id, xml } = issueAlert(tx, ctx.db, input);
      tx.audit('alert.issued', { alertId: id, template: input.template, msgType: input.msgType });
      return { alert: toAlert(getAlertRow(ctx.db, id)!), xml };
    }),
  'alert.list': (_input, { db }) => ({ alerts: listAlerts(db) }),
  'alert.get': ({ id }, { db }) => {
    const row = getAlertRow(db, id);
    if (!row) throw notFound(id === 'latest' ? 'An issued alert' : 'That alert');
    return { alert: toAlert(row), xml: row.xml };
  },
  'alert.print': async ({ id }, ctx) => {
    const row = getAlertRow(ctx.db, id);
    if (!row) throw notFound('That alert');
    // The paper copy is read from the XML as issued, so it can never say something the alert did not.
    const info = (parser.parse(row.xml) as { alert: { info: Record<string, unknown>[] } }).alert.info[0]!;
    const now = ctx.services.now();
    const demo = isDemo(ctx.db);
    const by = `${ctx.actor.operatorName ?? 'unknown'}${ctx.actor.positionTitle ? ` (${ctx.actor.positionTitle})` : ''}`;
    const pdf = await buildAlertPdf(
      toAlert(row),
      {
        description: String(info.description ?? ''),
        instruction: String(info.instruction ?? ''),
        categories: (info.category as string[]).join(', '),
        urgency: String(info.urgency),
        severity: String(info.severity),
        certainty: String(info.certainty),
      },
      { timeZone: coalitionTimeZone(ctx.db), by, at: now, demo },
    );
    const name = printFileName({ demo, what: `${row.status === 'Exercise' ? 'EXERCISE_' : ''}CAP-alert`, detail: row.event, at: now, ext: 'pdf' });
    return recordPrint(ctx, 'CAP alert', name, 'application/pdf', pdf.bytes, pdf.pages, { alertId: row.id });
  },
};
