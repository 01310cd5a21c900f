import type { Decision, Evidence } from '../../../../../shared/contract';
import { listDecisions } from '../../decision/queries';
import { plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

function snapshotLine(d: Decision): string {
  const s = d.snapshot;
  return [
    s.activationLevel,
    s.currentPeriod ? `period ${s.currentPeriod.number}` : 'no period open',
    s.openRequests === null ? null : `${s.openRequests} open requests`,
    `${s.significantEvents} significant events`,
    `${s.decisionsInForce} decisions in force`,
  ]
    .filter(Boolean)
    .join('; ');
}

const evidenceOf = (d: Decision, fmt: (ms: number) => string): Evidence => ({ type: 'decision', id: d.id, label: `${fmt(d.decidedAt)} ${d.title}` });

/** The decisions with their rationale and the situation when each was taken. */
export const decisionsSource: RecordSource = {
  name: 'decisions',
  read(ctx: DraftContext) {
    const decisions = listDecisions(ctx.db, ctx.incident.id, true).sort((a, b) => a.decidedAt - b.decidedAt || a.recordedAt - b.recordedAt || a.id.localeCompare(b.id));
    const candidates: CandidateDraft[] = [];
    const noOptions = decisions.filter((d) => d.options.length === 0);
    if (noOptions.length) {
      candidates.push({
        ruleKey: 'decisions.no-options',
        kind: 'afi',
        topic: 'coordination',
        title: `${noOptions.length} of ${plural(decisions.length, 'decision')} recorded without the options considered`,
        reference: 'Decision log practice: what was decided, by whom, on what authority, which options were weighed and why.',
        analysis: noOptions.map((d) => `${ctx.fmt(d.decidedAt)} ${d.title} (${d.madeByName}, ${d.madeByPositionTitle}).`).join('\n'),
        evidence: noOptions.map((d) => evidenceOf(d, ctx.fmt)),
      });
    }
    const documented = decisions.filter((d) => d.options.length > 0 && !d.supersededById);
    if (documented.length >= 3) {
      candidates.push({
        ruleKey: 'decisions.documented',
        kind: 'strength',
        topic: 'coordination',
        title: `${plural(documented.length, 'decision')} documented with options, rationale and authority`,
        reference: 'Decision log practice.',
        analysis: 'Each was recorded with the options weighed, the rationale, the authority and a snapshot of the situation at the time.',
        evidence: documented.map((d) => evidenceOf(d, ctx.fmt)),
      });
    }
    return {
      tables: [
        {
          key: 'decisions',
          source: 'decisions',
          title: 'Decisions',
          intro: `${plural(decisions.length, 'decision')} recorded, superseded ones included.`,
          columns: ['Time', 'Decision', 'Made by', 'Rationale', 'Situation at the time'],
          rows: decisions.map((d) => ({
            cells: [
              ctx.fmt(d.decidedAt),
              `${d.title}${d.supersededById ? ' (superseded)' : ''}: ${d.decision}`,
              `${d.madeByName}, ${d.madeByPositionTitle}`,
              d.rationale,
              snapshotLine(d),
            ],
            evidence: [evidenceOf(d, ctx.fmt)],
          })),
        },
      ],
      candidates,
    };
  },
};
