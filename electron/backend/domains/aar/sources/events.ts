import type { Evidence } from '../../../../../shared/contract';
import { boardForReview, unreviewedForReview, type BoardEventForReview } from '../../log/review';
import { plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The timeline of significant events (the approved board) and proposals nobody reviewed. */
export const eventsSource: RecordSource = {
  name: 'logs',
  read(ctx: DraftContext) {
    const board = boardForReview(ctx.db, ctx.incident.id);
    const pending = unreviewedForReview(ctx.db, ctx.incident.id);
    const ev = (e: BoardEventForReview): Evidence => ({ type: 'entry', id: e.entryId, label: `${ctx.fmt(e.occurredAt)} ${clip(e.text, 60)}` });
    const candidates: CandidateDraft[] = [];
    if (pending.length) {
      candidates.push({
        ruleKey: 'board.unreviewed',
        kind: 'afi',
        topic: 'information',
        title: `${plural(pending.length, 'proposed significant event')} never reviewed`,
        reference: 'Significant events board: entries are approved by the Situation Unit Leader (or the positions the incident names).',
        analysis: pending.slice(0, 50).map((e) => `${ctx.fmt(e.occurredAt)} ${e.positionTitle}: ${clip(e.text, 140)}`).join('\n') + (pending.length > 50 ? `\n… and ${pending.length - 50} more.` : ''),
        evidence: pending.slice(0, 200).map(ev),
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
          rows: board.map((e) => ({ cells: [ctx.fmt(e.occurredAt), e.text, `${e.positionTitle}${e.operatorName ? ` (${e.operatorName})` : ''}`], evidence: [ev(e)] })),
        },
      ],
      candidates,
    };
  },
};
