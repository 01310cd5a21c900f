import type { Evidence } from '../../../../../shared/contract';
import { listBoard, listProposals } from '../../logs/queries';
import { plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The timeline of significant events (the approved board) and proposals nobody reviewed. */
export const eventsSource: RecordSource = {
  name: 'logs',
  read(ctx: DraftContext) {
    const board = listBoard(ctx.db, ctx.incident.id);
    const pending = listProposals(ctx.db, ctx.incident.id, true);
    const candidates: CandidateDraft[] = [];
    if (pending.length) {
      candidates.push({
        ruleKey: 'board.unreviewed',
        kind: 'afi',
        topic: 'information',
        title: `${plural(pending.length, 'proposed significant event')} never reviewed`,
        reference: 'Significant events board: entries are approved by the Situation Unit Leader (or the positions the incident names).',
        analysis: pending.map((p) => `${ctx.fmt(p.entry.occurredAt)} ${p.entry.positionTitle}: ${clip(p.entry.text, 140)}`).join('\n'),
        evidence: pending.map((p): Evidence => ({ type: 'entry', id: p.entry.id, label: `${ctx.fmt(p.entry.occurredAt)} ${clip(p.entry.text, 60)}` })),
      });
    }
    return {
      tables: [
        {
          key: 'timeline',
          source: 'logs',
          title: 'Timeline of significant events',
          intro: `${plural(board.length, 'event')} approved onto the significant events board, in the order they happened.`,
          columns: ['Time', 'Event', 'Logged by'],
          rows: board.map((p) => ({
            cells: [ctx.fmt(p.entry.occurredAt), p.entry.text, `${p.entry.positionTitle}${p.entry.operatorName ? ` (${p.entry.operatorName})` : ''}`],
            evidence: [{ type: 'entry', id: p.entry.id, label: `${ctx.fmt(p.entry.occurredAt)} ${clip(p.entry.text, 60)}` }],
          })),
        },
      ],
      candidates,
    };
  },
};
