import type { Evidence } from '../../../../../shared/contract';
import { listPeriods } from '../../incident/queries';
import { plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

/** The objectives of each operational period (ICS 202) and who staffed which position. */
export const periodsSource: RecordSource = {
  name: 'incidents',
  read(ctx: DraftContext) {
    const periods = listPeriods(ctx.db, ctx.incident.id);
    const ev = (p: { id: string; number: number }): Evidence => ({ type: 'period', id: p.id, label: `Operational period ${p.number}` });
    const candidates: CandidateDraft[] = [];
    const gaps = periods.flatMap((p) => p.staffing.filter((s) => !s.holderName).map((s) => ({ p, s })));
    if (gaps.length) {
      const inPeriods = [...new Set(gaps.map((g) => g.p.number))];
      candidates.push({
        ruleKey: 'staffing.gaps',
        kind: 'afi',
        topic: 'workforce',
        title: `${plural(gaps.length, 'position')} left unstaffed in operational period${inPeriods.length > 1 ? 's' : ''} ${inPeriods.join(', ')}`,
        reference: 'Coalition EOC staffing plan: positions to staff per activation level.',
        analysis: gaps.map((g) => `Period ${g.p.number}: ${g.s.positionTitle} had no holder.`).join('\n'),
        evidence: [...new Map(gaps.map((g) => [g.p.id, ev(g.p)])).values()],
      });
    }
    return {
      tables: [
        {
          key: 'objectives',
          source: 'incidents',
          title: 'Objectives by operational period (ICS 202)',
          intro: `${plural(periods.length, 'operational period')}.`,
          columns: ['Period', 'From', 'To', 'Objectives'],
          rows: periods.map((p) => ({
            cells: [String(p.number), ctx.fmt(p.startsAt), p.status === 'open' ? `${ctx.fmt(p.endsAt)} (planned)` : ctx.fmt(p.endsAt), p.objectives.map((o) => `${o.ordinal}. ${o.text}`).join('\n') || 'None set.'],
            evidence: [ev(p)],
          })),
        },
        {
          key: 'staffing',
          source: 'incidents',
          title: 'Staffing',
          intro: 'Who held each position, by operational period.',
          columns: ['Period', 'Position', 'Holder', 'Home agency'],
          rows: periods.flatMap((p) =>
            p.staffing.map((s) => ({ cells: [String(p.number), s.positionTitle, s.holderName ?? 'Not staffed', s.homeAgency ?? ''], evidence: [ev(p)] })),
          ),
        },
      ],
      candidates,
    };
  },
};
